#pragma once
// The law's rules for one document record, beyond what its fields say alone: a due date follows
// the document's type, an extension stays within the rule's limits and gives its reason.

#include <string_view>
#include <vector>

#include "core/record_spec.h"

namespace raekoda {

// Problems of `edited` that only the deadline rules can tell. `original` is the record as read
// (empty for a new one): an extension is judged on the day it is made, so one saved earlier is
// not judged again.
void check_document(const Record& original, const Record& edited, const ValidationContext& context,
                    std::vector<FieldError>& errors);

// After the user changed `column`: an incoming document's due date follows its type and
// registration day; an outgoing one has none.
void derive_document(Record& edited, std::string_view column, const ValidationContext& context);

// Where the document stands today by its deadline; for an open one that may still be extended,
// the latest extended due date too.
RecordStatus document_status_of(const Record& record, const ValidationContext& context);

}  // namespace raekoda
