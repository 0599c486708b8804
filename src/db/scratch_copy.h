#pragma once
// Where a benchmark measures writes without changing the city's data: a copy of the file, or on
// a server a connection of its own whose work stays in one transaction that is never committed
// (the saves inside it are savepoints, so a server's commit is not part of what is measured;
// closing the connection rolls it all back).

#include <filesystem>

#include "db/database.h"

namespace raekoda::db {

class ScratchCopy {
public:
  explicit ScratchCopy(Database& source);
  // Removes the copied file; the connections to it must be closed by then.
  ~ScratchCopy();
  ScratchCopy(const ScratchCopy&) = delete;
  ScratchCopy& operator=(const ScratchCopy&) = delete;

  // A connection to the copy.
  Database open() const;

private:
  std::string source_;
  std::filesystem::path file_;  // empty on a server
};

}  // namespace raekoda::db
