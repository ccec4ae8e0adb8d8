// A plain Cyclone DDS C program, built from idlc's output for the ROS 2 IDL: the "other side" for interop tests.
// It shares no code with the C# transport: it (de)serializes through Cyclone's descriptor-driven CDR stream.
//
// Test modes (echo, talk, impostor) use RELIABLE TRANSIENT_LOCAL KEEP_LAST 10; the bench modes ROS's default depth 1.
//   s2r_ddspeer echo <prefix> <count-per-type> <timeout-s> <Type_>...
//       for each type: read rt/<prefix>/in/<Type_>, write the deserialized sample back on rt/<prefix>/out/<Type_>
//   s2r_ddspeer rawpong <topic-prefix> <seconds>    answer rtt pings in C over the raw-CDR sertype
//                                                   (S2R_TYPED=1: over Cyclone's own idlc descriptor instead)
//   s2r_ddspeer rawping <topic-prefix> <count>      the ping side in C over the raw-CDR sertype
//   s2r_ddspeer talk <topic> <text> <count>        publish std_msgs/String samples "<text> <i>" on rt/<topic>
//   s2r_ddspeer impostor <topic> <type-name> <count>
//       publish std_msgs/String bytes under another type name (a wire-level mismatch the reader must survive)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dds/dds.h>

#include "builtin_interfaces.h"
#include "std_msgs.h"
#include "geometry_msgs.h"
#include "sensor_msgs.h"
#include "trajectory_msgs.h"
#include "diagnostic_msgs.h"
#include "nav_msgs.h"
#include "tf2_msgs.h"
#include "rosgraph_msgs.h"
#include "sim2real_msgs.h"
#include "../s2r_rawcdr.h"

#define TYPE(pkg, name) { #name, &pkg##_msg_dds__##name##_desc }
static const struct { const char *name; const dds_topic_descriptor_t *desc; } types[] = {
  TYPE(builtin_interfaces, Time_), TYPE(builtin_interfaces, Duration_),
  TYPE(std_msgs, Header_), TYPE(std_msgs, String_), TYPE(std_msgs, Bool_),
  TYPE(std_msgs, MultiArrayDimension_), TYPE(std_msgs, MultiArrayLayout_), TYPE(std_msgs, Float64MultiArray_),
  TYPE(sensor_msgs, Image_), TYPE(sensor_msgs, CompressedImage_), TYPE(sensor_msgs, CameraInfo_),
  TYPE(sensor_msgs, RegionOfInterest_), TYPE(sensor_msgs, JointState_), TYPE(sensor_msgs, Imu_),
  TYPE(geometry_msgs, Twist_), TYPE(geometry_msgs, Pose_), TYPE(geometry_msgs, Vector3_),
  TYPE(geometry_msgs, Quaternion_), TYPE(geometry_msgs, Point_),
  TYPE(trajectory_msgs, JointTrajectory_), TYPE(trajectory_msgs, JointTrajectoryPoint_),
  TYPE(diagnostic_msgs, DiagnosticArray_), TYPE(diagnostic_msgs, DiagnosticStatus_), TYPE(diagnostic_msgs, KeyValue_),
  TYPE(std_msgs, Empty_), TYPE(rosgraph_msgs, Clock_),
  TYPE(geometry_msgs, PoseWithCovariance_), TYPE(geometry_msgs, TwistWithCovariance_),
  TYPE(geometry_msgs, PointStamped_), TYPE(geometry_msgs, Transform_), TYPE(geometry_msgs, TransformStamped_),
  TYPE(geometry_msgs, Wrench_), TYPE(geometry_msgs, WrenchStamped_),
  TYPE(nav_msgs, Odometry_), TYPE(tf2_msgs, TFMessage_),
  TYPE(sim2real_msgs, FaultCommand_), TYPE(sim2real_msgs, TaskMetrics_), TYPE(sim2real_msgs, PolicyTick_),
  TYPE(sim2real_msgs, WatchdogEvent_), TYPE(sim2real_msgs, FootContacts_),
};
#define NTYPES (sizeof(types) / sizeof(types[0]))

static int fail(const char *what, dds_return_t rc)
{
  fprintf(stderr, "s2r_ddspeer: %s: %s\n", what, dds_strretcode(rc));
  return 1;
}

static dds_qos_t *ros_default_qos(void)
{
  dds_qos_t *qos = dds_create_qos();
  dds_qset_reliability(qos, DDS_RELIABILITY_RELIABLE, DDS_INFINITY);
  dds_qset_history(qos, DDS_HISTORY_KEEP_LAST, 10);
  dds_qset_durability(qos, DDS_DURABILITY_VOLATILE);
  dds_data_representation_id_t xcdr1 = DDS_DATA_REPRESENTATION_XCDR1;
  dds_qset_data_representation(qos, 1, &xcdr1);
  return qos;
}

// Test traffic is transient-local (latched): whichever side discovers the other last, the samples written so far
// still reach the reader once it matches, so no test depends on discovery order.
static dds_qos_t *latched_qos(int32_t depth)
{
  dds_qos_t *qos = ros_default_qos();
  dds_qset_history(qos, DDS_HISTORY_KEEP_LAST, depth);
  dds_qset_durability(qos, DDS_DURABILITY_TRANSIENT_LOCAL);
  dds_qset_durability_service(qos, 0, DDS_HISTORY_KEEP_LAST, depth, -1, -1, -1);
  return qos;
}

static const dds_topic_descriptor_t *find_type(const char *name)
{
  for (size_t i = 0; i < NTYPES; i++)
    if (strcmp(types[i].name, name) == 0)
      return types[i].desc;
  return NULL;
}

// Waits until the writer has matched a reader, so the first samples are not published into the void.
static void await_match(dds_entity_t writer, dds_duration_t timeout)
{
  dds_time_t end = dds_time() + timeout;
  dds_publication_matched_status_t st;
  while (dds_time() < end) {
    if (dds_get_publication_matched_status(writer, &st) == 0 && st.current_count > 0)
      return;
    dds_sleepfor(DDS_MSECS(10));
  }
}

static int echo(dds_entity_t pp, const char *prefix, int count, int timeout_s, int ntypes, char **names)
{
  dds_qos_t *qos = latched_qos(10);
  dds_entity_t ws = dds_create_waitset(pp);
  dds_entity_t *readers = calloc((size_t)ntypes, sizeof(dds_entity_t));
  dds_entity_t *writers = calloc((size_t)ntypes, sizeof(dds_entity_t));
  int *seen = calloc((size_t)ntypes, sizeof(int));
  for (int i = 0; i < ntypes; i++) {
    const dds_topic_descriptor_t *desc = find_type(names[i]);
    if (desc == NULL) {
      fprintf(stderr, "s2r_ddspeer: unknown type %s\n", names[i]);
      return 2;
    }
    char in[256], out[256];
    snprintf(in, sizeof in, "rt/%s/in/%s", prefix, names[i]);
    snprintf(out, sizeof out, "rt/%s/out/%s", prefix, names[i]);
    dds_entity_t tin = dds_create_topic(pp, desc, in, NULL, NULL);
    dds_entity_t tout = dds_create_topic(pp, desc, out, NULL, NULL);
    if (tin < 0 || tout < 0)
      return fail(in, tin < 0 ? tin : tout);
    readers[i] = dds_create_reader(pp, tin, qos, NULL);
    writers[i] = dds_create_writer(pp, tout, qos, NULL);
    if (readers[i] < 0 || writers[i] < 0)
      return fail(in, readers[i] < 0 ? readers[i] : writers[i]);
    dds_entity_t rc = dds_create_readcondition(readers[i], DDS_ANY_STATE);
    dds_waitset_attach(ws, rc, i);
  }
  printf("ready\n");
  fflush(stdout);
  int done = 0;
  dds_time_t end = dds_time() + DDS_SECS(timeout_s);
  while (done < ntypes && dds_time() < end) {
    dds_attach_t triggered[64];
    dds_return_t n = dds_waitset_wait_until(ws, triggered, 64, end);
    for (dds_return_t k = 0; k < n && k < 64; k++) {
      int i = (int)triggered[k];
      void *samples[1] = { NULL };
      dds_sample_info_t info[1];
      while (dds_take(readers[i], samples, info, 1, 1) > 0) {
        if (info[0].valid_data) {
          await_match(writers[i], DDS_SECS(5));
          dds_return_t wr = dds_write(writers[i], samples[0]);
          if (wr < 0)
            return fail("write", wr);
          if (++seen[i] == count)
            done++;
        }
        dds_return_loan(readers[i], samples, 1);
        samples[0] = NULL;
      }
    }
  }
  for (int i = 0; i < ntypes; i++)
    printf("%s %d\n", names[i], seen[i]);
  // Let reliable retransmissions finish before the participant goes away.
  for (int i = 0; i < ntypes; i++)
    dds_wait_for_acks(writers[i], DDS_SECS(5));
  dds_delete_qos(qos);
  return done == ntypes ? 0 : 3;
}

static int talk(dds_entity_t pp, const char *topic, const char *text, int count)
{
  char name[256];
  snprintf(name, sizeof name, "rt/%s", topic);
  dds_qos_t *qos = latched_qos(10);
  dds_entity_t tp = dds_create_topic(pp, &std_msgs_msg_dds__String__desc, name, NULL, NULL);
  dds_entity_t wr = dds_create_writer(pp, tp, qos, NULL);
  if (wr < 0)
    return fail(name, wr);
  await_match(wr, DDS_SECS(10));
  char buf[512];
  for (int i = 0; i < count; i++) {
    snprintf(buf, sizeof buf, "%s %d", text, i);
    std_msgs_msg_dds__String_ msg = { .data = buf };
    dds_return_t rc = dds_write(wr, &msg);
    if (rc < 0)
      return fail("write", rc);
  }
  dds_wait_for_acks(wr, DDS_SECS(5));
  dds_delete_qos(qos);
  return 0;
}

static int impostor(dds_entity_t pp, const char *topic, const char *type_name, int count)
{
  // std_msgs/String's descriptor under another name, without XTypes metadata so matching goes by name alone.
  dds_topic_descriptor_t desc;
  memcpy(&desc, &std_msgs_msg_dds__String__desc, sizeof desc);
  *(const char **)&desc.m_typename = type_name;
  *(uint32_t *)&desc.m_flagset &= ~(uint32_t)DDS_TOPIC_XTYPES_METADATA;
  char name[256];
  snprintf(name, sizeof name, "rt/%s", topic);
  dds_qos_t *qos = latched_qos(10);
  dds_entity_t tp = dds_create_topic(pp, &desc, name, NULL, NULL);
  dds_entity_t wr = tp < 0 ? tp : dds_create_writer(pp, tp, qos, NULL);
  if (wr < 0)
    return fail(name, wr);
  await_match(wr, DDS_SECS(10));
  for (int i = 0; i < count; i++) {
    std_msgs_msg_dds__String_ msg = { .data = "not an image" };
    dds_return_t rc = dds_write(wr, &msg);
    if (rc < 0)
      return fail("write", rc);
  }
  dds_wait_for_acks(wr, DDS_SECS(5));
  dds_delete_qos(qos);
  return 0;
}

// rawpong: the pong side of `sim2real topic bench rtt` in plain C over the project's raw-CDR sertype, answering
// from the data-available listener as ddsperf does; isolates what the C# layer adds to a round trip.
struct rawpong { dds_entity_t writer; const void *sertype; };

static void typedpong_data(dds_entity_t reader, void *arg)
{
  struct rawpong *rp = arg;
  builtin_interfaces_msg_dds__Time_ t;
  void *ptr = &t;
  dds_sample_info_t info;
  while (dds_take(reader, &ptr, &info, 1, 1) > 0)
    if (info.valid_data)
      dds_write(rp->writer, &t);
}

static void rawpong_data(dds_entity_t reader, void *arg)
{
  struct rawpong *rp = arg;
  void *handle;
  const uint8_t *data;
  uint32_t size;
  int64_t ts;
  int32_t n;
  while ((n = s2r_take_one(reader, &handle, &data, &size, &ts)) > 0) {
    if (n == 1) {
      s2r_write_cdr(rp->writer, rp->sertype, data, size);
      s2r_release(handle);
    }
  }
}

static int rawpong(dds_entity_t pp, const char *prefix, int seconds)
{
  char ping[256], pong[256];
  snprintf(ping, sizeof ping, "rt%s/ping", prefix);
  snprintf(pong, sizeof pong, "rt%s/pong", prefix);
  dds_qos_t *qos = ros_default_qos();
  dds_qset_history(qos, DDS_HISTORY_KEEP_LAST, 1);
  static struct rawpong rp;
  const void *st_in;
  const bool typed = getenv("S2R_TYPED") != NULL;
  dds_entity_t tin = typed ? dds_create_topic(pp, &builtin_interfaces_msg_dds__Time__desc, ping, NULL, NULL)
                           : s2r_create_topic(pp, ping, "builtin_interfaces::msg::dds_::Time_", NULL, NULL, &st_in);
  dds_entity_t tout = typed ? dds_create_topic(pp, &builtin_interfaces_msg_dds__Time__desc, pong, NULL, NULL)
                            : s2r_create_topic(pp, pong, "builtin_interfaces::msg::dds_::Time_", NULL, NULL, &rp.sertype);
  rp.writer = dds_create_writer(pp, tout, qos, NULL);
  dds_listener_t *l = dds_create_listener(&rp);
  dds_lset_data_available(l, typed ? typedpong_data : rawpong_data);
  dds_entity_t rd = dds_create_reader(pp, tin, qos, l);
  if (tin < 0 || tout < 0 || rp.writer < 0 || rd < 0)
    return fail("rawpong", rd);
  dds_sleepfor(DDS_SECS(seconds));
  dds_delete_listener(l);
  dds_delete_qos(qos);
  return 0;
}

// rawping: the ping side in C over the raw-CDR sertype (median round trip printed), to split a round trip's cost
// between Cyclone, the raw sertype and the C# layer.
struct rawping { dds_entity_t writer; const void *sertype; int n, total; dds_time_t sent; int64_t *rtt; };

static int cmp_i64(const void *a, const void *b)
{
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

static void rawping_data(dds_entity_t reader, void *arg)
{
  struct rawping *rp = arg;
  void *handle;
  const uint8_t *data;
  uint32_t size;
  int64_t ts;
  int32_t n;
  while ((n = s2r_take_one(reader, &handle, &data, &size, &ts)) > 0) {
    if (n == 1) {
      dds_time_t now = dds_time();
      if (rp->n < rp->total)
        rp->rtt[rp->n++] = now - rp->sent;
      if (rp->n < rp->total) {
        rp->sent = dds_time();
        s2r_write_cdr(rp->writer, rp->sertype, data, size);
      }
      s2r_release(handle);
    }
  }
}

static int rawping(dds_entity_t pp, const char *prefix, int count)
{
  char ping[256], pong[256];
  snprintf(ping, sizeof ping, "rt%s/ping", prefix);
  snprintf(pong, sizeof pong, "rt%s/pong", prefix);
  dds_qos_t *qos = ros_default_qos();
  dds_qset_history(qos, DDS_HISTORY_KEEP_LAST, 1);
  static struct rawping rp;
  rp.total = count;
  rp.rtt = calloc((size_t)count, sizeof(int64_t));
  const void *st_in;
  dds_entity_t tout = s2r_create_topic(pp, ping, "builtin_interfaces::msg::dds_::Time_", NULL, NULL, &rp.sertype);
  dds_entity_t tin = s2r_create_topic(pp, pong, "builtin_interfaces::msg::dds_::Time_", NULL, NULL, &st_in);
  rp.writer = dds_create_writer(pp, tout, qos, NULL);
  dds_listener_t *l = dds_create_listener(&rp);
  dds_lset_data_available(l, rawping_data);
  dds_entity_t rd = dds_create_reader(pp, tin, qos, l);
  if (tin < 0 || tout < 0 || rp.writer < 0 || rd < 0)
    return fail("rawping", rd);
  await_match(rp.writer, DDS_SECS(10));
  dds_sleepfor(DDS_MSECS(500));
  static const unsigned char sample[12] = { 0, 1, 0, 0 };
  rp.sent = dds_time();
  s2r_write_cdr(rp.writer, rp.sertype, sample, sizeof sample);
  while (rp.n < rp.total)
    dds_sleepfor(DDS_MSECS(10));
  qsort(rp.rtt, (size_t)count, sizeof(int64_t), cmp_i64);
  printf("rawping size 12 count %d 50%% %.1fus 99%% %.1fus min %.1fus\n", count, (double)rp.rtt[count / 2] / 1e3,
         (double)rp.rtt[count * 99 / 100] / 1e3, (double)rp.rtt[0] / 1e3);
  dds_delete(rd);
  dds_delete_listener(l);
  dds_delete_qos(qos);
  return 0;
}

int main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "usage: s2r_ddspeer echo|talk|impostor ...\n");
    return 2;
  }
  const char *domain_env = getenv("ROS_DOMAIN_ID");
  dds_domainid_t domain = domain_env ? (dds_domainid_t)atoi(domain_env) : 0;
  dds_entity_t pp = dds_create_participant(domain, NULL, NULL);
  if (pp < 0)
    return fail("create participant", pp);
  int rc = 2;
  if (strcmp(argv[1], "echo") == 0 && argc >= 6)
    rc = echo(pp, argv[2], atoi(argv[3]), atoi(argv[4]), argc - 5, argv + 5);
  else if (strcmp(argv[1], "talk") == 0 && argc == 5)
    rc = talk(pp, argv[2], argv[3], atoi(argv[4]));
  else if (strcmp(argv[1], "rawping") == 0 && argc == 4)
    rc = rawping(pp, argv[2], atoi(argv[3]));
  else if (strcmp(argv[1], "rawpong") == 0 && argc == 4)
    rc = rawpong(pp, argv[2], atoi(argv[3]));
  else if (strcmp(argv[1], "impostor") == 0 && argc == 5)
    rc = impostor(pp, argv[2], argv[3], atoi(argv[4]));
  else
    fprintf(stderr, "s2r_ddspeer: bad arguments\n");
  dds_delete(pp);
  return rc;
}
