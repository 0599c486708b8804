#pragma once
// Functions the queries call by the same name on both backends, where SQLite and PostgreSQL
// spell a thing differently (schema_postgres.cpp defines PostgreSQL's):
//   day_of(moment)           the day of a 'YYYY-MM-DD HH:MM' moment, as a date
//   month_of(day)            'YYYY-MM'
//   iso_weekday(day)         1 for Monday to 7 for Sunday
//   hour_of(moment)          0..23
//   days_between(from, to)   whole days from `from` to `to`
//   greatest(a, b), least(a, b)   of two values, NULL ignored as PostgreSQL does
//   folded_contains(text, folded) 1 when text, folded for case and diacritics, holds `folded`
//   initials(name)           "Liis Kukk" → "L. K." (core/roles.h), for a name a viewer may not read
// and the collation `ui`, text in the order of the user's language now (core/collation.h);
// Database::collated() names a server's ICU collation instead.

struct sqlite3;

namespace raekoda::db {

void register_sql_functions(sqlite3* db);

}  // namespace raekoda::db
