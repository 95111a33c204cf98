$STJ --kleur framework list
