#include "core/date_words.h"

#include "core/i18n.h"

namespace raekoda {
namespace {

std::string month_after_day(Date date) {
  return tr("month.genitive." + std::to_string(date.month()));
}

}  // namespace

std::string long_date(Date date) {
  return trf("date.long", date.day(), month_after_day(date), date.year());
}

std::string long_moment(DateTime moment) {
  return trf("date.moment", long_date(moment.date), moment.clock());
}

}  // namespace raekoda
