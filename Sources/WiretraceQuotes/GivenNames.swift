/// Common given names of English and French usage (and a few others frequent in Canadian and
/// wire copy), by the gender they are mostly given to: what a reader assumes of "he" or "she"
/// when nothing else in the text says it (``MentionOptions/givenNameGender``). Written for the
/// project from general knowledge; names given to both (Alex, Jordan, Sam, Kim) or to men in one
/// language and women in another (Jean, Andrea) are left out.
enum GivenNames {
    static let female: Set<String> = [
        "abigail", "ada", "adele", "agnes", "aisha", "alice", "alicia", "alison", "amanda", "amelia", "amy",
        "ana", "angela", "anita", "ann", "anna", "anne", "annie", "audrey", "barbara", "beatrice",
        "bella", "beth", "betty", "brenda", "bridget", "brigitte", "brittany", "camille", "carla", "carmen",
        "carol", "caroline", "carrie", "cecile", "celine", "chantal", "charlotte", "chloe", "christina",
        "christine", "clara", "claudette", "colleen", "courtney", "cynthia", "daisy", "danielle", "deborah",
        "debra", "denise", "diana", "diane", "donna", "doris", "dorothy", "edith", "eleanor", "elena",
        "elise", "elizabeth", "ella", "ellen", "emily", "emma", "erin", "esther", "eva", "evelyn", "fatima",
        "fiona", "florence", "frances", "francine", "gabrielle", "genevieve", "gillian", "gina", "giselle",
        "gloria", "grace", "hannah", "harriet", "heather", "helen", "helene", "holly", "ingrid", "irene",
        "isabel", "isabelle", "jacqueline", "jane", "janet", "janice", "jasmine", "jenna", "jennifer",
        "jessica", "jill", "joan", "joanne", "josee", "josephine", "joyce", "judith", "judy", "julia", "julie",
        "karen", "kate", "katherine", "kathleen", "kathryn", "katie", "laura", "lauren",
        "leah", "linda", "lisa", "louise", "lucie", "lucy", "lynn", "madeleine", "maggie", "manon",
        "margaret", "maria", "marie", "marilyn", "martha", "martine", "mary", "maya", "megan", "melanie",
        "melissa", "michelle", "mona", "monique", "nadia", "nancy", "naomi", "natalie", "nathalie", "nicole",
        "nina", "olivia", "pamela", "patricia", "paula", "pauline", "peggy", "penelope", "priya", "rachel",
        "rebecca", "rita", "rose", "ruth", "sabrina", "sally", "samantha", "sandra", "sara", "sarah",
        "shannon", "sharon", "sheila", "sofia", "sophie", "stephanie", "suzanne", "sylvie", "tamara",
        "teresa", "theresa", "tina", "valerie", "vanessa", "veronica", "victoria", "virginia", "wendy",
        "yvonne", "zoe",
    ]
    static let male: Set<String> = [
        "aaron", "adam", "adrian", "ahmed", "alain", "alan", "albert", "alexander", "alfred", "ali", "allan",
        "andre", "andrew", "andy", "anthony", "antoine", "arthur", "barry", "ben", "benjamin", "benoit",
        "bernard", "bill", "bob", "brad", "brandon", "brent", "brett", "brian", "bruce", "bryan", "carl",
        "carlos", "charles", "chris", "christian", "christopher", "colin", "craig", "daniel", "darren",
        "dave", "david", "dean", "denis", "dennis", "derek", "doug", "douglas", "duncan", "dylan", "eddie",
        "edward", "eric", "erik", "ethan", "eugene", "evan", "francois", "frank", "fred", "frederick",
        "gabriel", "gary", "gerald", "gilles", "gordon", "greg", "gregory", "guy", "hamid",
        "hans", "harold", "hector", "henry", "howard", "hugh", "ian", "isaac", "ivan", "jack", "jacob",
        "jacques", "james", "jared", "jason", "jeremy", "jerome", "jim", "joe", "joel", "john",
        "johnny", "jon", "jonathan", "joseph", "josh", "joshua", "juan", "justin", "keith", "ken",
        "kenneth", "kevin", "kyle", "larry", "lawrence", "liam", "louis", "luc", "luke", "malcolm", "marc",
        "mark", "martin", "matt", "matthew", "maurice", "max", "mohammed", "muhammad", "nathan", "neil",
        "nicholas", "nick", "noah", "norman", "oliver", "omar", "oscar", "owen", "patrick", "paul", "pedro",
        "peter", "philip", "phillip", "pierre", "rajesh", "ralph", "randy", "raymond", "richard", "rick",
        "robert", "rod", "roger", "ronald", "ross", "roy", "russell", "samuel", "scott", "sean",
        "sergei", "simon", "stephen", "steve", "steven", "stuart", "terry", "thomas", "tim", "timothy",
        "todd", "tom", "tony", "travis", "trevor", "tyler", "victor", "vincent", "walter", "warren",
        "wayne", "william", "yves",
    ]
}
