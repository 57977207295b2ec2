# 8bitmcu/mpy_vt xml: find/findall/extract over the vendored yxml parser.
import xml

doc = "<rss><channel><title>News</title><item><title>One</title><link>http://a/1</link></item><item><title>Two &amp; more</title><link>http://a/2</link></item></channel></rss>"
print(xml.find(doc, "title"))
print(xml.findall(doc, "title"))
print(xml.findall(doc, "link"))
print(xml.find(doc, "missing"))
items = xml.extract(doc, "item", ("title", "link"))
print(len(items))
for it in items:
    print(sorted(it.items()))
