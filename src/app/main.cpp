#include "app/cli.h"

int main(int argc, char** argv) {
  return raekoda::app::run_cli(argc, argv);
}
