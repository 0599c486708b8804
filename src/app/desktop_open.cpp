#include "app/desktop_open.h"

#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <string_view>
#include <thread>

extern char** environ;

namespace raekoda::app {
namespace {

// Everything but unreserved characters (and `keep`) as %XX of its UTF-8 bytes.
std::string percent_encoded(const std::string& text, std::string_view keep = "") {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '.' || c == '_' || c == '~' ||
                 keep.find(static_cast<char>(c)) != std::string_view::npos;
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

}  // namespace

bool open_with_desktop(const std::string& uri) {
  const char* chosen = std::getenv("RAEKODA_OPENER");
  std::string program = chosen && *chosen ? chosen : "xdg-open";
  char* argv[] = {program.data(), const_cast<char*>(uri.c_str()), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, program.c_str(), nullptr, nullptr, argv, environ) != 0) return false;
  // Reaped on a thread of its own so that the window never waits for the browser.
  std::thread([pid] {
    int status = 0;
    waitpid(pid, &status, 0);
  }).detach();
  return true;
}

std::string mailto_uri(const std::string& address, const std::string& subject,
                       const std::string& body) {
  // Mail programs want line breaks as CRLF in a body.
  std::string crlf;
  for (char c : body) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  return "mailto:" + percent_encoded(address, "@+") + "?subject=" + percent_encoded(subject) +
         "&body=" + percent_encoded(crlf);
}

}  // namespace raekoda::app
