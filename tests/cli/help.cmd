$STJ --help | head -1
$STJ framework --help | head -1
$STJ --version
