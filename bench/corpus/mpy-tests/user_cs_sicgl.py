# oclyke/city-skies pysicgl: sicgl graphics bindings (Screen with attr handler, ScalarField, colours, constants).
import pysicgl

print(sorted(k for k in dir(pysicgl) if not k.startswith("_")))
c = pysicgl.make_color(10, 20, 30, 40)
print(hex(c), pysicgl.get_color_channels(c))
print(hex(pysicgl.ALPHA_TRANSPARENCY_HALF))
s = pysicgl.Screen((8, 4), (1, 2))
print(s.width, s.height)
f = pysicgl.ScalarField(5)
print(type(f).__name__)
print(sorted(pysicgl.get_composition_types())[:3], len(pysicgl.get_blending_types()))
