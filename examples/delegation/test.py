import nmg_delegation as m

print(m.__name__, m.hello())
print("answer", m.answer, getattr(m, "table_size"))
for name in ("missing", "answer2"):
    try:
        getattr(m, name)
    except AttributeError as e:
        print("AttributeError", e)
print(hasattr(m, "answer"), hasattr(m, "nothing"))
