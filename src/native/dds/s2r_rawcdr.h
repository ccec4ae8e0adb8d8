// The project's C surface over Cyclone for raw-CDR ROS 2 topics (implemented in s2r_rawcdr.c and s2r_layout.c).
#ifndef S2R_RAWCDR_H
#define S2R_RAWCDR_H
#include <stdint.h>
#include <dds/dds.h>

// What dds_write/dds_take exchange with a raw sertype: the CDR bytes, encapsulation header included.
struct s2r_cdr_sample {
  unsigned char *data;
  uint32_t size;
};

dds_entity_t s2r_create_topic(dds_entity_t participant, const char *topic_name, const char *type_name,
                              const dds_qos_t *qos, const dds_listener_t *listener, const void **sertype);
dds_return_t s2r_write_cdr(dds_entity_t writer, const void *sertype, const void *cdr, uint32_t size);
int32_t s2r_take_one(dds_entity_t reader, void **handle, const uint8_t **data, uint32_t *size, int64_t *source_timestamp);
void s2r_release(void *handle);
int32_t s2r_endpoints(dds_entity_t reader, char *buf, int32_t cap);
int32_t s2r_check_layout(const dds_topic_descriptor_t *desc, const void *cdr, uint32_t size, uint32_t *struct_size);

#endif
