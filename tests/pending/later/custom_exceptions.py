# later (classes): user-defined exception classes, extra attributes, hierarchy catching, str/repr, uncaught custom error.
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, reason="missing"):
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason
try:
    raise ConfigError("port")
except AppError as e:
    print(type(e).__name__, e, repr(e), e.args, e.key, e.reason, isinstance(e, Exception))
try:
    raise AppError
except AppError as e:
    print(repr(e), str(e) == "")
class Quiet(Exception):
    def __str__(self):
        return "custom str"
print(str(Quiet("ignored")), repr(Quiet("x")))
print(issubclass(ConfigError, AppError), ConfigError.__mro__[2].__name__, flush=True)
raise ConfigError("host", "empty")
