#pragma once
// A status column's wanted values named in SQL. `status IN ('planned', 'done')` is read from an
// index on the column; `status <> 'cancelled'` is read row by row from the table, however few
// rows it leaves out.

#include <string>
#include <string_view>

#include "core/enums.h"

namespace raekoda::db {

// Every key of `Enum` but `left_out`'s, quoted and separated by commas: 'a', 'b'.
template <typename Enum>
std::string keys_other_than(Enum left_out) {
  std::string list;
  for (std::string_view key : EnumKeys<Enum>::keys)
    if (key != key_of(left_out)) list += (list.empty() ? "'" : ", '") + std::string(key) + "'";
  return list;
}

}  // namespace raekoda::db
