#ifndef WIRETRACE_CLIBXML2_SHIM_H
#define WIRETRACE_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU; its unicode/*.h clash with Foundation's own ICU module.
// Read the version header first, then switch the ICU include off before anything else.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// xmlFree is a macro (a function pointer) in this build; Swift cannot call it directly.
static inline void wiretrace_xmlFree(void *pointer) { xmlFree(pointer); }
#endif
