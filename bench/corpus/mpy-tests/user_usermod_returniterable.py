# v923z/micropython-usermod returniterable: a tuple built from a variable-length array.
import returniterable as ri

print(ri.powers(2, 10), ri.powers(3, 0), ri.powers(-2, 5))
