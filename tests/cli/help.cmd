$STJ --help | sed -n 1p
$STJ framework --help | sed -n 1p
$STJ --version
