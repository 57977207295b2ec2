import _asyncio
q = _asyncio.TaskQueue()
print(q.peek())
async def coro():
    return 1
t = _asyncio.Task(coro())
print(t.done(), type(t).__name__)
q.push(t)
print(q.peek() is t)
print(q.pop() is t, q.peek())
