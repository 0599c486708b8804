#pragma once
// A press release's way to publication: every release is approved by the council chair before it
// goes out (job description 000). The communications staff submit a draft; the chair approves
// it, or returns it with a comment. Each step is one audited save of the release's record.

#include <optional>
#include <string>
#include <vector>

#include "core/record_spec.h"

namespace raekoda {

enum class ReleaseStep { submit, approve, send_back };

// Draft → awaiting approval; an earlier return comment stays for reference until approval.
Record submitted_release(const Record& release);
// Awaiting → approved by `approver` (the council chair) on `today`.
Record approved_release(const Record& release, Date today, std::optional<Id> approver);
// Awaiting → back to draft, with the chair's comment.
Record returned_release(const Record& release, const std::string& comment);

// The states and their dates must agree, as the schema demands.
void check_press_release(const Record& original, const Record& edited,
                         const ValidationContext& context, std::vector<FieldError>& errors);

}  // namespace raekoda
