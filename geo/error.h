// The one exception family thrown by geo: every error says where it happened.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace geo {

// Where an error happened: the file, and when known the layer, feature and line.
struct ErrorContext {
    std::string file;
    std::string layer;
    std::optional<long long> feature;
    std::optional<long long> line;

    bool operator==(const ErrorContext&) const = default;
};

// Base of every exception geo throws. what() is a full sentence naming the context.
class Error : public std::runtime_error {
public:
    Error(const std::string& message, ErrorContext context = {});

    const std::string& message() const noexcept { return m_message; }
    const ErrorContext& context() const noexcept { return m_context; }

private:
    std::string m_message;
    ErrorContext m_context;
};

// The input itself is wrong (missing, corrupt, mis-typed): the user can fix it.
// Commands map it to exit code 3; everything else derived from Error is an internal failure.
class InputError : public Error {
public:
    using Error::Error;
};

// The user stopped a long operation; nothing was changed. Not a failure to report as one.
class Cancelled : public Error {
public:
    using Error::Error;
};

} // namespace geo
