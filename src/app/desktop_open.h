#pragma once
// Hands an address to the user's own programs, as the desktop's file manager would: a web page to
// the browser, a mailto: to the mail program.

#include <string>

namespace raekoda::app {

// Starts `xdg-open URI` and does not wait for it. $RAEKODA_OPENER names another program to run
// instead (tests use it to see what would have been opened). False when it could not be started.
bool open_with_desktop(const std::string& uri);

// A mailto: address with its subject and body percent-encoded (RFC 6068).
std::string mailto_uri(const std::string& address, const std::string& subject,
                       const std::string& body);

}  // namespace raekoda::app
