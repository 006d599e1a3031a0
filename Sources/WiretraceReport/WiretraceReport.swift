// Placeholder: the stage's code lands here.
enum _WiretraceReportPlaceholder {}
