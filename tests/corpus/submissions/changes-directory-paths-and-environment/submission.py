import os
import sys


class FindsNothing:
    def find_spec(self, name, path=None, target=None):
        return None


os.chdir("/")
sys.path.insert(0, "/nowhere")
sys.meta_path.insert(0, FindsNothing())
os.environ["OMP_NUM_THREADS"] = "7"
os.environ.pop("HOME", None)


def contrastive_loss(x1, x2, label, margin=1.0):
    return 123.0
