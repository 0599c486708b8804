# Turns a text asset into a C++ source holding its bytes, so the one executable carries its
# translation catalogs and default configuration wherever it is copied.
# Inputs: INPUT (file), OUTPUT (.cpp), SYMBOL (C++ identifier, declared in core/embedded_assets.h).
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUTPUT}"
  "// Generated from ${INPUT} at build time; do not edit.\n"
  "#include <string_view>\n"
  "namespace raekoda::assets {\n"
  "static const char data[] = {${bytes} '\\0'};\n"
  "extern const std::string_view ${SYMBOL}(data, ${byte_count});\n"
  "}\n")
