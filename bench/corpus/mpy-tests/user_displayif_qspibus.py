# PyDevices/displayif notimpl/qspibus: the stub bus type of ports without QSPI.
import qspibus

print(sorted(n for n in dir(qspibus) if not n.startswith("_")), qspibus.__name__)
print(sorted(n for n in dir(qspibus.QSPIBus) if not n.startswith("_")))
for args in ((), (1, 2), (None,)):
    try:
        qspibus.QSPIBus(*args)
    except NotImplementedError as e:
        print("NotImplementedError", e)
try:
    qspibus.QSPIBus.deinit(None)
except TypeError as e:
    print("TypeError", e)
