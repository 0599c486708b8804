#pragma once
// A deterministic, plausible data set for a city of about 35,000 people, for the demo and for
// benchmarks. The same options always give the same records.

#include <cstdint>

#include "core/date.h"
#include "core/records.h"

namespace raekoda {

struct DemoOptions {
  std::uint64_t seed = 1;
  int years = 3;  // how far back from `until` the data reaches
  int scale = 1;  // multiplies staff and the volume of every kind of event
  Date until;     // the last day with data, usually today
};

// Where generated records go, in an order that satisfies every foreign key.
class DemoSink {
public:
  virtual ~DemoSink() = default;
  virtual void add(const Unit&) = 0;
  virtual void add(const Institution&) = 0;
  virtual void add(const Person&) = 0;
  virtual void add(const MediaOutlet&) = 0;
  virtual void add(const MediaItem&) = 0;
  virtual void add(const PressRelease&) = 0;
  virtual void add(const Document&) = 0;
  virtual void add(const CommPlan&) = 0;
  virtual void add(const CommActivity&) = 0;
  virtual void add(const NewspaperIssue&) = 0;
  virtual void add(const Incident&) = 0;
  virtual void add(const InformationSystem&) = 0;
  virtual void add(const Backup&) = 0;
  virtual void add(const RestoreTest&) = 0;
  virtual void add(const Account&) = 0;
  virtual void add(const ReviewCampaign&) = 0;
  virtual void add(const AccessDecision&) = 0;
};

void generate_demo_data(const DemoOptions& options, DemoSink& sink);

}  // namespace raekoda
