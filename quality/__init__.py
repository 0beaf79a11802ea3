"""Quality measured on labelled sets in tests/data (checks, name detection, glossary terms); speed and memory are bench/."""
