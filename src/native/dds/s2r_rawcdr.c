// A "raw CDR" sertype: Cyclone carries the serialized bytes of a ROS 2 message untouched and C# does all the
// (de)serialization. This is how rmw_cyclonedds itself plugs ROS types into Cyclone: no second (de)serialization
// pass in C, no C struct marshalling, and a malformed sample reaches the C# reader (which counts and drops it)
// instead of vanishing inside Cyclone's normalizer. The type name comes from the idlc descriptor (see C#).
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <dds/dds.h>
#include <dds/ddsi/ddsi_sertype.h>
#include <dds/ddsi/ddsi_serdata.h>
#include <dds/ddsi/q_radmin.h>

#include "s2r_rawcdr.h"
#include "../s2r_upper_state.h"

struct s2r_serdata {
  struct ddsi_serdata c;
  uint32_t size;
  unsigned char data[];
};

static struct s2r_serdata *serdata_new(const struct ddsi_sertype *type, enum ddsi_serdata_kind kind, size_t size)
{
  if (size > UINT32_MAX - sizeof(struct s2r_serdata))
    return NULL;
  struct s2r_serdata *d = malloc(sizeof(*d) + size);
  if (d == NULL)
    return NULL;
  ddsi_serdata_init(&d->c, type, kind);
  d->size = (uint32_t)size;
  return d;
}

static bool sd_eqkey(const struct ddsi_serdata *a, const struct ddsi_serdata *b)
{
  (void)a; (void)b;
  return true; // ROS 2 topics are keyless
}

static uint32_t sd_size(const struct ddsi_serdata *d) { return ((const struct s2r_serdata *)d)->size; }

static void sd_free(struct ddsi_serdata *d) { free(d); }

static struct ddsi_serdata *sd_from_ser(const struct ddsi_sertype *type, enum ddsi_serdata_kind kind,
                                        const struct nn_rdata *fragchain, size_t size)
{
  struct s2r_serdata *d = serdata_new(type, kind, size);
  if (d == NULL)
    return NULL;
  uint32_t off = 0;
  while (fragchain) {
    if (fragchain->maxp1 > off) {
      const unsigned char *payload = NN_RMSG_PAYLOADOFF(fragchain->rmsg, NN_RDATA_PAYLOAD_OFF(fragchain));
      memcpy(d->data + off, payload + off - fragchain->min, fragchain->maxp1 - off);
      off = fragchain->maxp1;
    }
    fragchain = fragchain->nextfrag;
  }
  return &d->c;
}

static struct ddsi_serdata *sd_from_ser_iov(const struct ddsi_sertype *type, enum ddsi_serdata_kind kind,
                                            ddsrt_msg_iovlen_t niov, const ddsrt_iovec_t *iov, size_t size)
{
  struct s2r_serdata *d = serdata_new(type, kind, size);
  if (d == NULL)
    return NULL;
  size_t off = 0;
  for (ddsrt_msg_iovlen_t i = 0; i < niov && off < size; i++) {
    size_t n = iov[i].iov_len < size - off ? iov[i].iov_len : size - off;
    memcpy(d->data + off, iov[i].iov_base, n);
    off += n;
  }
  return &d->c;
}

static struct ddsi_serdata *sd_from_keyhash(const struct ddsi_sertype *type, const struct ddsi_keyhash *keyhash)
{
  (void)keyhash;
  struct s2r_serdata *d = serdata_new(type, SDK_KEY, 0);
  return d ? &d->c : NULL;
}

// A typed sample of this sertype is a byte buffer: {data, size}; used only if someone calls dds_write/dds_take.
static struct ddsi_serdata *sd_from_sample(const struct ddsi_sertype *type, enum ddsi_serdata_kind kind, const void *sample)
{
  const struct s2r_cdr_sample *s = sample;
  size_t n = kind == SDK_DATA ? s->size : 0;
  struct s2r_serdata *d = serdata_new(type, kind, n);
  if (d == NULL)
    return NULL;
  if (n > 0)
    memcpy(d->data, s->data, n);
  return &d->c;
}

static void sd_to_ser(const struct ddsi_serdata *d, size_t off, size_t sz, void *buf)
{
  memcpy(buf, ((const struct s2r_serdata *)d)->data + off, sz);
}

static struct ddsi_serdata *sd_to_ser_ref(const struct ddsi_serdata *d, size_t off, size_t sz, ddsrt_iovec_t *ref)
{
  ref->iov_base = (void *)(((const struct s2r_serdata *)d)->data + off);
  ref->iov_len = (ddsrt_iov_len_t)sz;
  return ddsi_serdata_ref(d);
}

static void sd_to_ser_unref(struct ddsi_serdata *d, const ddsrt_iovec_t *ref)
{
  (void)ref;
  ddsi_serdata_unref(d);
}

static bool sd_to_sample(const struct ddsi_serdata *dcmn, void *sample, void **bufptr, void *buflim)
{
  (void)bufptr; (void)buflim;
  const struct s2r_serdata *d = (const struct s2r_serdata *)dcmn;
  struct s2r_cdr_sample *s = sample;
  if (d->c.kind != SDK_DATA)
    return true;
  unsigned char *p = realloc(s->data, d->size ? d->size : 1);
  if (p == NULL)
    return false;
  memcpy(p, d->data, d->size);
  s->data = p;
  s->size = d->size;
  return true;
}

static struct ddsi_serdata *sd_to_untyped(const struct ddsi_serdata *d)
{
  struct s2r_serdata *u = serdata_new(d->type, SDK_KEY, 0);
  if (u == NULL)
    return NULL;
  u->c.type = NULL;
  return &u->c;
}

static bool sd_untyped_to_sample(const struct ddsi_sertype *type, const struct ddsi_serdata *d, void *sample, void **bufptr, void *buflim)
{
  (void)type; (void)d; (void)sample; (void)bufptr; (void)buflim;
  return true; // keyless: a key carries nothing
}

static size_t sd_print(const struct ddsi_sertype *type, const struct ddsi_serdata *d, char *buf, size_t size)
{
  return (size_t)snprintf(buf, size, "%s: %u bytes of CDR", type->type_name, ((const struct s2r_serdata *)d)->size);
}

static void sd_get_keyhash(const struct ddsi_serdata *d, struct ddsi_keyhash *buf, bool force_md5)
{
  (void)d; (void)force_md5;
  memset(buf, 0, 16);
}

static const struct ddsi_serdata_ops serdata_ops = {
  .eqkey = sd_eqkey,
  .get_size = sd_size,
  .from_ser = sd_from_ser,
  .from_ser_iov = sd_from_ser_iov,
  .from_keyhash = sd_from_keyhash,
  .from_sample = sd_from_sample,
  .to_ser = sd_to_ser,
  .to_ser_ref = sd_to_ser_ref,
  .to_ser_unref = sd_to_ser_unref,
  .to_sample = sd_to_sample,
  .to_untyped = sd_to_untyped,
  .untyped_to_sample = sd_untyped_to_sample,
  .free = sd_free,
  .print = sd_print,
  .get_keyhash = sd_get_keyhash,
};

static void st_free(struct ddsi_sertype *tp)
{
  ddsi_sertype_fini(tp);
  free(tp);
}

static void st_zero_samples(const struct ddsi_sertype *d, void *samples, size_t count)
{
  (void)d;
  memset(samples, 0, count * sizeof(struct s2r_cdr_sample));
}

static void st_realloc_samples(void **ptrs, const struct ddsi_sertype *d, void *old, size_t oldcount, size_t count)
{
  (void)d;
  struct s2r_cdr_sample *s = realloc(old, count * sizeof(*s));
  if (s != NULL && count > oldcount)
    memset(s + oldcount, 0, (count - oldcount) * sizeof(*s));
  for (size_t i = 0; i < count; i++)
    ptrs[i] = s ? &s[i] : NULL;
}

static void st_free_samples(const struct ddsi_sertype *d, void **ptrs, size_t count, dds_free_op_t op)
{
  (void)d;
  struct s2r_cdr_sample *s = ptrs[0];
  if (op & DDS_FREE_CONTENTS_BIT)
    for (size_t i = 0; i < count; i++) {
      free(((struct s2r_cdr_sample *)ptrs[i])->data);
      ((struct s2r_cdr_sample *)ptrs[i])->data = NULL;
    }
  if (op & DDS_FREE_ALL_BIT)
    free(s);
}

static bool st_equal(const struct ddsi_sertype *a, const struct ddsi_sertype *b)
{
  (void)a; (void)b;
  return true; // name and ops are already known equal: nothing else distinguishes two raw sertypes
}

static uint32_t st_hash(const struct ddsi_sertype *tp)
{
  (void)tp;
  return 0;
}

static const struct ddsi_sertype_ops sertype_ops = {
  .version = ddsi_sertype_v0,
  .arg = NULL,
  .free = st_free,
  .zero_samples = st_zero_samples,
  .realloc_samples = st_realloc_samples,
  .free_samples = st_free_samples,
  .equal = st_equal,
  .hash = st_hash,
};

dds_entity_t s2r_create_topic(dds_entity_t participant, const char *topic_name, const char *type_name,
                              const dds_qos_t *qos, const dds_listener_t *listener, const void **sertype)
{
  struct ddsi_sertype *st = calloc(1, sizeof(*st));
  if (st == NULL)
    return DDS_RETCODE_OUT_OF_RESOURCES;
  ddsi_sertype_init(st, type_name, &sertype_ops, &serdata_ops, true);
  // Plain CDR (XCDR1) is what ROS 2 speaks.
  st->allowed_data_representation = DDS_DATA_REPRESENTATION_FLAG_XCDR1;
  struct ddsi_sertype *actual = st;
  dds_entity_t tp = dds_create_topic_sertype(participant, topic_name, &actual, qos, listener, NULL);
  if (tp < 0)
    ddsi_sertype_unref(st);
  else
    *sertype = actual; // possibly an equal sertype the domain already had; valid while the topic lives
  return tp;
}

// The per-message entries from C# clear the upper vector state first: Cyclone is baseline x86-64 (SSE) code.
dds_return_t s2r_write_cdr(dds_entity_t writer, const void *sertype, const void *cdr, uint32_t size)
{
  s2r_clean_upper();
  const struct ddsi_sertype *st = sertype;
  struct s2r_serdata *d = serdata_new(st, SDK_DATA, size);
  if (d == NULL)
    return DDS_RETCODE_OUT_OF_RESOURCES;
  memcpy(d->data, cdr, size);
  return dds_writecdr(writer, &d->c);
}

int32_t s2r_take_one(dds_entity_t reader, void **handle, const uint8_t **data, uint32_t *size, int64_t *source_timestamp)
{
  s2r_clean_upper();
  struct ddsi_serdata *sd = NULL;
  dds_sample_info_t info;
  dds_return_t n = dds_takecdr(reader, &sd, 1, &info, DDS_ANY_STATE);
  if (n <= 0)
    return n;
  if (!info.valid_data || sd->ops != &serdata_ops) {
    ddsi_serdata_unref(sd);
    return 2;
  }
  struct s2r_serdata *d = (struct s2r_serdata *)sd;
  *handle = d;
  *data = d->data;
  *size = d->size;
  *source_timestamp = info.source_timestamp;
  return 1;
}

void s2r_release(void *handle)
{
  s2r_clean_upper();
  ddsi_serdata_unref((struct ddsi_serdata *)handle);
}
