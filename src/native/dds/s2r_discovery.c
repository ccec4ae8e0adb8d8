// Reads Cyclone's built-in DCPSPublication / DCPSSubscription topics into text, one live endpoint per line:
// "<topic>\t<type>\t<reliability 0|1>\t<durability 0..3>\t<history depth>\n". Text keeps the C# side free of
// dds_sample_info_t and dds_builtintopic_endpoint_t layouts.
#include <stdio.h>
#include <string.h>
#include <dds/dds.h>

#include "s2r_rawcdr.h"

#define S2R_MAX_ENDPOINTS 1024

int32_t s2r_endpoints(dds_entity_t reader, char *buf, int32_t cap)
{
  static __thread void *samples[S2R_MAX_ENDPOINTS];
  static __thread dds_sample_info_t infos[S2R_MAX_ENDPOINTS];
  memset(samples, 0, sizeof samples);
  dds_return_t n = dds_read_mask(reader, samples, infos, S2R_MAX_ENDPOINTS, S2R_MAX_ENDPOINTS,
                                 DDS_ANY_SAMPLE_STATE | DDS_ANY_VIEW_STATE | DDS_ALIVE_INSTANCE_STATE);
  if (n < 0)
    return n;
  int32_t used = 0;
  for (dds_return_t i = 0; i < n; i++) {
    if (!infos[i].valid_data)
      continue;
    const dds_builtintopic_endpoint_t *ep = samples[i];
    dds_reliability_kind_t rel = DDS_RELIABILITY_BEST_EFFORT;
    dds_durability_kind_t dur = DDS_DURABILITY_VOLATILE;
    dds_history_kind_t hist = DDS_HISTORY_KEEP_LAST;
    int32_t depth = 1;
    dds_duration_t blocking;
    if (ep->qos) {
      dds_qget_reliability(ep->qos, &rel, &blocking);
      dds_qget_durability(ep->qos, &dur);
      dds_qget_history(ep->qos, &hist, &depth);
    }
    if (hist == DDS_HISTORY_KEEP_ALL)
      depth = -1;
    char line[1024];
    int len = snprintf(line, sizeof line, "%s\t%s\t%d\t%d\t%d\n", ep->topic_name, ep->type_name, (int)rel, (int)dur, (int)depth);
    if (len > 0 && len < (int)sizeof line) {
      if (used + len <= cap)
        memcpy(buf + used, line, (size_t)len);
      used += len;
    }
  }
  dds_return_loan(reader, samples, n);
  return used;
}
