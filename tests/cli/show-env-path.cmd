STJ_FRAMEWORK_PATH=/nonexistent:tests/fixtures/frameworks $STJ framework show | head -2
