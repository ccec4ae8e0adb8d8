// Start-up layout check: the C# serializer's bytes for a probe message must survive Cyclone's own normalizer for the
// idlc descriptor, deserialize into the descriptor's C struct (m_size bytes) and serialize back byte for byte.
// Any difference in field order, type, bounds or alignment between the C# record and the ROS 2 IDL shows up here.
#include <stdlib.h>
#include <string.h>
#include <dds/dds.h>
#include <dds/ddsi/ddsi_cdrstream.h>

#include "s2r_rawcdr.h"

int32_t s2r_check_layout(const dds_topic_descriptor_t *desc, const void *cdr, uint32_t size, uint32_t *struct_size)
{
  *struct_size = desc->m_size;
  const unsigned char *bytes = cdr;
  if (size < 4 || bytes[0] != 0x00 || bytes[1] != 0x01)
    return -1; // not little-endian plain CDR
  uint32_t n = size - 4;
  char *body = malloc(n ? n : 1);
  if (body == NULL)
    return -5;
  memcpy(body, bytes + 4, n);
  uint32_t off = 0;
  if (dds_stream_normalize_data(body, &off, n, false, 1, desc->m_ops) == NULL) {
    free(body);
    return -2; // Cyclone rejects the bytes for this descriptor
  }
  if (off != n) {
    free(body);
    return -3; // bytes left over: the C# record has more than the IDL
  }
  void *sample = calloc(1, desc->m_size);
  dds_istream_t is;
  dds_istream_init(&is, n, body, 1);
  dds_stream_read(&is, sample, desc->m_ops);
  dds_ostream_t os;
  dds_ostream_init(&os, 0, 1);
  dds_stream_write(&os, sample, desc->m_ops);
  int32_t rc = (os.m_index == n && memcmp(os.m_buffer, body, n) == 0) ? 0 : -4;
  dds_ostream_fini(&os);
  dds_istream_fini(&is);
  dds_stream_free_sample(sample, desc->m_ops);
  free(sample);
  free(body);
  return rc;
}
