# spatialdude/usqlite: SQLite in memory through Connection/Cursor classes: DDL, executemany script,
# parameter substitution (positional, tuple, named), the three row types, iteration, context managers, errors.
import usqlite

print(usqlite.sqlite_version, usqlite.sqlite_version_info, usqlite.sqlite_version_number)
print(usqlite.complete_statement("SELECT 1;"), usqlite.complete_statement("SELECT"))

con = usqlite.connect(":memory:")
con.executemany(
    "BEGIN TRANSACTION;"
    "CREATE TABLE data (name TEXT, year INT, weight REAL, tag BLOB);"
    "INSERT INTO data VALUES ('Larry', 1902, 70.5, x'0102');"
    "INSERT INTO data VALUES ('Curly', 1903, 80.25, NULL);"
    "INSERT INTO data VALUES ('Moe', 1897, 65.0, x'ff');"
    "INSERT INTO data VALUES ('Shemp', 1895, 72.125, x'');"
    "COMMIT;"
)
print(con.total_changes)

with con.execute("SELECT * FROM data ORDER BY year") as cur:
    for row in cur:
        print(row)

print(con.execute("SELECT name FROM data WHERE year > ?", 1900).fetchall())
print(con.execute("SELECT name FROM data WHERE year > ? AND weight < ?", (1890, 75)).fetchall())
print(con.execute("SELECT year FROM data WHERE name = :name", {"name": "Moe"}).fetchone())

cur = con.cursor()
cur.execute("INSERT INTO data VALUES (?, ?, ?, ?)", ("Joe", 1907, 1.5, b"\x00\x01"))
print(cur.rowcount, cur.lastrowid)
cur.execute("SELECT count(*), sum(year), avg(weight), max(name) FROM data")
print(cur.fetchone())
cur.execute("SELECT name, year FROM data ORDER BY name")
print(cur.description)
print(cur.fetchmany(2), cur.fetchall())
cur.close()

con.row_type = "dict"
print(con.execute("SELECT name, year FROM data WHERE year < 1900 ORDER BY year").fetchall())
con.row_type = "row"
r = con.execute("SELECT name, year FROM data WHERE name = 'Larry'").fetchone()
print(r, r.keys)
con.row_type = "tuple"
print(con.execute("SELECT 1 + 1, 'a' || 'b', 7 / 2, 7.0 / 2, NULL").fetchone())

try:
    con.execute("SELECT * FROM missing")
except Exception as e:
    print(type(e).__name__, e)
try:
    con.execute("NOT SQL")
except Exception as e:
    print(type(e).__name__, e)
con.close()
