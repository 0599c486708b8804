#include "reading/background_work.h"

#include <pthread.h>
#include <sched.h>

namespace raekoda::reading {

void give_way_to_the_window() {
  sched_param batch{};
  // Any thread may lower itself to SCHED_BATCH; were it refused, the work runs as before.
  pthread_setschedparam(pthread_self(), SCHED_BATCH, &batch);
}

}  // namespace raekoda::reading
