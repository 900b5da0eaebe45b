#ifndef MUTUALIS_CLIBPQ_SHIM_H
#define MUTUALIS_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
