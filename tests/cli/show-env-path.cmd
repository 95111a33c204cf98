STJ_FRAMEWORK_PATH=/nonexistent:tests/fixtures/frameworks $STJ framework show stj-ggsr | sed -n 1,2p
