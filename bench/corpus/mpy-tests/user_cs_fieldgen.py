# oclyke/city-skies fieldgen: sinusoids() over the sicgl module's Screen and ScalarField.
import fieldgen

print(sorted(k for k in dir(fieldgen) if not k.startswith("_")))
try:
    fieldgen.sinusoids(None, None, (0, 0), 1.0, 1.0, 0.0, 0.0)
except Exception as e:
    print(type(e).__name__)
