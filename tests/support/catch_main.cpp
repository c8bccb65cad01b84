// Entry point of the plain unit tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
