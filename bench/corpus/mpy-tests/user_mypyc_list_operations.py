# anhlt/mypyc-micropython example "list_operations": list building, indexing, append/pop from C.
import list_operations as m

print(m.sum_range(100), m.build_squares(8), m.sum_list([1, 2, 3, -4]), m.sum_list([]))
print(m.find_first_negative([3, 1, -2, -5]), m.find_first_negative([1, 2]))
print(m.skip_zeros(10), m.count_until_ten(5), m.count_until_ten(50), m.matrix_sum(3, 4), m.reverse_sum(10))
print(m.append_many(1000), m.pop_all(500), m.append_pop_cycle(100))
try:
    m.sum_list([1, "x"])
except TypeError as e:
    print("TypeError", e)
