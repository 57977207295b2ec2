# 8bitmcu/mpy_vt vttui: text UI widgets drawing ANSI escapes to stdout.
import vttui


class Stream:
    def draw(self):
        print("<draw>")


print(sorted(n for n in dir(vttui) if not n.startswith("_")))
ui = vttui.VTTUI(Stream(), 30, 10)
lbl = ui.make_label(x=1, y=1, text="hello")
print(type(lbl).__name__, lbl.text, lbl.x, lbl.y)
lbl.draw()
print()
