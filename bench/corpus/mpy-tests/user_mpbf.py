# hacksterous/mpapbf mpbf: decimal arithmetic on strings through libbf.
import mpbf

mpbf.init()
mpbf.set_params(30, 0)
for op in range(4):
    print(op, mpbf.sop("1.5", "3", op))
mpbf.finish()
