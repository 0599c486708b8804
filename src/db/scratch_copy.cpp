#include "db/scratch_copy.h"

#include <unistd.h>

#include <string>

namespace raekoda::db {

ScratchCopy::ScratchCopy(Database& source) : source_(source.target()) {
  if (source.backend() == Backend::postgresql) return;
  file_ = std::filesystem::temp_directory_path() /
          ("raekoda-scratch-" + std::to_string(::getpid()) + ".sqlite");
  std::filesystem::remove(file_);
  Statement vacuum = source.prepare("VACUUM INTO ?");
  vacuum.bind(1, file_.string());
  vacuum.run();
}

ScratchCopy::~ScratchCopy() {
  if (file_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove(file_, ignored);
}

Database ScratchCopy::open() const {
  if (file_.empty()) {
    Database db = Database::open(source_, OpenMode::existing);
    db.exec("BEGIN");
    return db;
  }
  return Database::open(file_.string(), OpenMode::existing);
}

}  // namespace raekoda::db
