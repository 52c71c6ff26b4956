// Fails while loading: the file has no failed test of its own, but the run must fail.
throw new Error("this file does not load");
