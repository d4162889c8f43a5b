# exceptions: the built-in exception hierarchy: issubclass relations and which except clause catches what.
pairs = [(ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (KeyError, LookupError),
         (IndexError, LookupError), (UnboundLocalError, NameError), (RecursionError, RuntimeError),
         (NotImplementedError, RuntimeError), (FileNotFoundError, OSError), (UnicodeDecodeError, ValueError),
         (StopIteration, Exception), (KeyboardInterrupt, Exception), (SystemExit, Exception), (GeneratorExit, Exception),
         (Exception, BaseException), (TypeError, ValueError), (AssertionError, Exception), (ModuleNotFoundError, ImportError)]
for sub, base in pairs:
    print(sub.__name__, base.__name__, issubclass(sub, base))
def catch(exc, clause):
    try:
        raise exc
    except clause:
        return "caught by " + (clause.__name__ if isinstance(clause, type) else str([c.__name__ for c in clause]))
    except BaseException as e:
        return "escaped as " + type(e).__name__
print(catch(KeyError("k"), LookupError), catch(SystemExit(1), Exception), catch(ZeroDivisionError(), (ValueError, ArithmeticError)))
print(catch(FileNotFoundError(), OSError), catch(UnboundLocalError(), NameError), catch(TypeError(), ValueError))
