#include "geo/error.h"

namespace geo {
namespace {

std::string describe(const std::string& message, const ErrorContext& context) {
    std::string text;
    if (!context.file.empty()) {
        text += context.file;
        if (!context.layer.empty())
            text += " [layer " + context.layer + "]";
        if (context.feature)
            text += " feature " + std::to_string(*context.feature);
        if (context.line)
            text += " line " + std::to_string(*context.line);
        text += ": ";
    }
    return text + message;
}

} // namespace

Error::Error(const std::string& message, ErrorContext context)
    : std::runtime_error(describe(message, context))
    , m_message(message)
    , m_context(std::move(context)) {}

} // namespace geo
