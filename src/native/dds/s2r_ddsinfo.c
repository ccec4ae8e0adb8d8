// Facts about the Cyclone DDS this library was compiled against; libddsc itself exports no version call.
#include <dds/version.h>

const char* s2r_dds_version(void) { return DDS_VERSION; }
