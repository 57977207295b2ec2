import heapq
h = []
for x in (5, 1, 8, 3, 9, 2):
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)])
l = [9, 4, 7, 1]
heapq.heapify(l)
print(l)
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError', e)
