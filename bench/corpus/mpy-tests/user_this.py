# woodworm/this-micropython: the Zen printed by __init__ on the (first) import, and this.ch().
import this

this.ch()
print(this.__name__, callable(this.ch))
