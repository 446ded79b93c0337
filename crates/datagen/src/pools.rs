//! Static pools of realistic, multilingual contact data, grouped by locale.
//!
//! Every name is stored twice: as people write it (`text`) and as an ASCII transliteration
//! (`ascii`), used for email local parts, handles and URLs, which must stay ASCII. All people,
//! companies and domains are fictional; the platforms in photo and profile URLs are real.

/// A name as written, and its lowercase ASCII transliteration.
pub type Name = (&'static str, &'static str);

/// How a locale orders and joins given and family names in a full name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameOrder {
    /// "Ada Lovelace".
    GivenFirst,
    /// "山田 太郎", "Nguyễn Văn An", "Nagy Zoltán".
    FamilyFirst,
    /// "李伟", "김지민".
    FamilyFirstJoined,
}

/// A city with its region and a postal-code pattern (`#` = digit, `@` = capital letter).
#[derive(Debug)]
pub struct City {
    /// The city as written locally.
    pub name: &'static str,
    /// State, province or region, as written locally.
    pub region: &'static str,
    /// Postal-code pattern.
    pub postal: &'static str,
}

/// How mobile numbers are formed: `+<cc><prefix><rest digits>`.
#[derive(Debug)]
pub struct PhonePlan {
    /// Country calling code, without `+`.
    pub cc: &'static str,
    /// Mobile prefixes after the country code.
    pub prefixes: &'static [&'static str],
    /// How many random digits follow the prefix.
    pub rest: usize,
}

/// A fictional company.
#[derive(Debug)]
pub struct Company {
    /// The company's name, as written locally.
    pub name: &'static str,
    /// Its web and mail domain.
    pub domain: &'static str,
    /// Its industry, in English.
    pub industry: &'static str,
}

/// Everything locale-specific about a generated person.
#[derive(Debug)]
pub struct Locale {
    /// BCP 47 language tag, as a browser reports it.
    pub tag: &'static str,
    /// ISO 3166-1 alpha-2 country code.
    pub country: &'static str,
    /// The country's English name.
    pub country_name: &'static str,
    /// The country's name in the local language.
    pub country_local: &'static str,
    /// IANA time zone.
    pub timezone: &'static str,
    /// Standard UTC offset of the time zone, in minutes east of UTC.
    pub utc_offset: i32,
    /// Name order.
    pub order: NameOrder,
    /// Relative frequency of this locale among generated people.
    pub weight: u32,
    /// Female given names.
    pub given_female: &'static [Name],
    /// Male given names.
    pub given_male: &'static [Name],
    /// Family names for women (differs from `family_male` where surnames are gendered).
    pub family_female: &'static [Name],
    /// Family names for men.
    pub family_male: &'static [Name],
    /// Cities.
    pub cities: &'static [City],
    /// Street-address templates; `{n}` is replaced by a house number.
    pub streets: &'static [&'static str],
    /// Mobile numbering plan.
    pub phone: PhonePlan,
    /// Popular consumer mail domains.
    pub mail_domains: &'static [&'static str],
    /// Local companies.
    pub companies: &'static [Company],
    /// Job titles in the local language (English titles come from [`JOB_TITLES`]).
    pub titles: &'static [&'static str],
}

macro_rules! city {
    ($name:expr, $region:expr, $postal:expr) => {
        City {
            name: $name,
            region: $region,
            postal: $postal,
        }
    };
}

macro_rules! company {
    ($name:expr, $domain:expr, $industry:expr) => {
        Company {
            name: $name,
            domain: $domain,
            industry: $industry,
        }
    };
}

const PL_FAMILY_F: &[Name] = &[
    ("Wiśniewska", "wisniewska"),
    ("Kowalska", "kowalska"),
    ("Nowak", "nowak"),
    ("Wójcik", "wojcik"),
    ("Krzyżanowska", "krzyzanowska"),
    ("Zając", "zajac"),
];
const PL_FAMILY_M: &[Name] = &[
    ("Wiśniewski", "wisniewski"),
    ("Kowalski", "kowalski"),
    ("Nowak", "nowak"),
    ("Wójcik", "wojcik"),
    ("Krzyżanowski", "krzyzanowski"),
    ("Zając", "zajac"),
];
const RU_FAMILY_F: &[Name] = &[
    ("Иванова", "ivanova"),
    ("Смирнова", "smirnova"),
    ("Кузнецова", "kuznetsova"),
    ("Соколова", "sokolova"),
    ("Попова", "popova"),
];
const RU_FAMILY_M: &[Name] = &[
    ("Иванов", "ivanov"),
    ("Смирнов", "smirnov"),
    ("Кузнецов", "kuznetsov"),
    ("Соколов", "sokolov"),
    ("Попов", "popov"),
];
const CZ_FAMILY_F: &[Name] = &[
    ("Dvořáková", "dvorakova"),
    ("Nováková", "novakova"),
    ("Černá", "cerna"),
    ("Svobodová", "svobodova"),
];
const CZ_FAMILY_M: &[Name] = &[
    ("Dvořák", "dvorak"),
    ("Novák", "novak"),
    ("Černý", "cerny"),
    ("Svoboda", "svoboda"),
];
const GR_FAMILY_F: &[Name] = &[
    ("Παπαδοπούλου", "papadopoulou"),
    ("Οικονόμου", "oikonomou"),
    ("Καραγιάννη", "karagianni"),
    ("Γεωργίου", "georgiou"),
];
const GR_FAMILY_M: &[Name] = &[
    ("Παπαδόπουλος", "papadopoulos"),
    ("Οικονόμου", "oikonomou"),
    ("Καραγιάννης", "karagiannis"),
    ("Γεωργίου", "georgiou"),
];
const IS_FAMILY_F: &[Name] = &[
    ("Jónsdóttir", "jonsdottir"),
    ("Sigurðardóttir", "sigurdardottir"),
    ("Guðmundsdóttir", "gudmundsdottir"),
];
const IS_FAMILY_M: &[Name] = &[
    ("Sigurðsson", "sigurdsson"),
    ("Þórsson", "thorsson"),
    ("Guðmundsson", "gudmundsson"),
];

/// All locales. Weights roughly follow a SaaS product with a European and global audience.
pub static LOCALES: &[Locale] = &[
    Locale {
        tag: "en-US",
        country: "US",
        country_name: "United States",
        country_local: "United States",
        timezone: "America/New_York",
        utc_offset: -300,
        order: NameOrder::GivenFirst,
        weight: 14,
        given_female: &[
            ("Emily", "emily"),
            ("Madison", "madison"),
            ("Olivia", "olivia"),
            ("Zoë", "zoe"),
            ("Aaliyah", "aaliyah"),
            ("Mary-Kate", "marykate"),
        ],
        given_male: &[
            ("James", "james"),
            ("Michael", "michael"),
            ("Tyler", "tyler"),
            ("DeShawn", "deshawn"),
            ("Ethan", "ethan"),
            ("Mateo", "mateo"),
        ],
        family_female: &[
            ("Smith", "smith"),
            ("Johnson", "johnson"),
            ("O'Connor", "oconnor"),
            ("García", "garcia"),
            ("Nguyen", "nguyen"),
            ("Washington", "washington"),
            ("Kowalczyk", "kowalczyk"),
        ],
        family_male: &[
            ("Smith", "smith"),
            ("Johnson", "johnson"),
            ("O'Connor", "oconnor"),
            ("García", "garcia"),
            ("Nguyen", "nguyen"),
            ("Washington", "washington"),
            ("Kowalczyk", "kowalczyk"),
        ],
        cities: &[
            city!("New York", "NY", "100##"),
            city!("San Francisco", "CA", "941##"),
            city!("Austin", "TX", "787##"),
            city!("Chicago", "IL", "606##"),
            city!("Seattle", "WA", "981##"),
        ],
        streets: &[
            "{n} Main Street",
            "{n} Market St",
            "{n} Elm Avenue",
            "{n} Broadway",
        ],
        phone: PhonePlan {
            cc: "1",
            prefixes: &["212", "415", "512", "312", "206", "646"],
            rest: 7,
        },
        mail_domains: &[
            "gmail.com",
            "yahoo.com",
            "outlook.com",
            "icloud.com",
            "comcast.net",
            "aol.com",
        ],
        companies: &[
            company!("Initech, Inc.", "initech.com", "Software"),
            company!("Acme Corporation", "acme.com", "Manufacturing"),
            company!("Bluth Company", "bluthcompany.com", "Real Estate"),
        ],
        titles: &[],
    },
    Locale {
        tag: "en-GB",
        country: "GB",
        country_name: "United Kingdom",
        country_local: "United Kingdom",
        timezone: "Europe/London",
        utc_offset: 0,
        order: NameOrder::GivenFirst,
        weight: 6,
        given_female: &[
            ("Amelia", "amelia"),
            ("Isla", "isla"),
            ("Niamh", "niamh"),
            ("Poppy", "poppy"),
        ],
        given_male: &[
            ("Harry", "harry"),
            ("Oliver", "oliver"),
            ("Rhys", "rhys"),
            ("Mohammed", "mohammed"),
        ],
        family_female: &[
            ("Taylor", "taylor"),
            ("Evans", "evans"),
            ("Davies", "davies"),
            ("Patel", "patel"),
            ("Fotheringham-Smythe", "fotheringhamsmythe"),
        ],
        family_male: &[
            ("Taylor", "taylor"),
            ("Evans", "evans"),
            ("Davies", "davies"),
            ("Patel", "patel"),
            ("Fotheringham-Smythe", "fotheringhamsmythe"),
        ],
        cities: &[
            city!("London", "England", "EC#@ #@@"),
            city!("Manchester", "England", "M# #@@"),
            city!("Edinburgh", "Scotland", "EH# #@@"),
            city!("Cardiff", "Wales", "CF## #@@"),
        ],
        streets: &["{n} Baker Street", "{n} High Street", "{n} Victoria Road"],
        phone: PhonePlan {
            cc: "44",
            prefixes: &["74", "75", "77", "78", "79"],
            rest: 8,
        },
        mail_domains: &[
            "btinternet.com",
            "gmail.com",
            "outlook.com",
            "sky.com",
            "yahoo.co.uk",
        ],
        companies: &[
            company!("Wernham Hogg", "wernhamhogg.co.uk", "Paper"),
            company!("Sterling Cooper Ltd", "sterlingcooper.co.uk", "Advertising"),
        ],
        titles: &[],
    },
    Locale {
        tag: "en-IE",
        country: "IE",
        country_name: "Ireland",
        country_local: "Éire",
        timezone: "Europe/Dublin",
        utc_offset: 0,
        order: NameOrder::GivenFirst,
        weight: 2,
        given_female: &[
            ("Siobhán", "siobhan"),
            ("Aoife", "aoife"),
            ("Saoirse", "saoirse"),
            ("Caoimhe", "caoimhe"),
        ],
        given_male: &[("Seán", "sean"), ("Oisín", "oisin"), ("Tadhg", "tadhg")],
        family_female: &[
            ("Ní Bhriain", "nibhriain"),
            ("Murphy", "murphy"),
            ("O'Brien", "obrien"),
            ("Nic Giolla Phádraig", "nicgiollaphadraig"),
        ],
        family_male: &[
            ("Ó Súilleabháin", "osuilleabhain"),
            ("Murphy", "murphy"),
            ("O'Brien", "obrien"),
            ("Mac Giolla Phádraig", "macgiollaphadraig"),
        ],
        cities: &[
            city!("Dublin", "Leinster", "D0# @###"),
            city!("Cork", "Munster", "T12 @@##"),
            city!("Galway", "Connacht", "H91 @###"),
        ],
        streets: &["{n} Grafton Street", "{n} St Patrick's Street"],
        phone: PhonePlan {
            cc: "353",
            prefixes: &["83", "85", "86", "87", "89"],
            rest: 7,
        },
        mail_domains: &["eircom.net", "gmail.com", "outlook.ie"],
        companies: &[company!(
            "Mulligan & Sons Ltd",
            "mulligans.ie",
            "Hospitality"
        )],
        titles: &[],
    },
    Locale {
        tag: "es-ES",
        country: "ES",
        country_name: "Spain",
        country_local: "España",
        timezone: "Europe/Madrid",
        utc_offset: 60,
        order: NameOrder::GivenFirst,
        weight: 5,
        given_female: &[
            ("María José", "mariajose"),
            ("Lucía", "lucia"),
            ("Nuria", "nuria"),
            ("Begoña", "begona"),
            ("Inés", "ines"),
        ],
        given_male: &[
            ("José", "jose"),
            ("Álvaro", "alvaro"),
            ("Íñigo", "inigo"),
            ("Jesús", "jesus"),
            ("Joaquín", "joaquin"),
        ],
        family_female: &[
            ("García López", "garcialopez"),
            ("Fernández", "fernandez"),
            ("Martínez Sánchez", "martinezsanchez"),
            ("Núñez", "nunez"),
            ("Fernández de Córdoba", "fernandezdecordoba"),
        ],
        family_male: &[
            ("García López", "garcialopez"),
            ("Fernández", "fernandez"),
            ("Martínez Sánchez", "martinezsanchez"),
            ("Núñez", "nunez"),
            ("Fernández de Córdoba", "fernandezdecordoba"),
        ],
        cities: &[
            city!("Madrid", "Comunidad de Madrid", "280##"),
            city!("Barcelona", "Cataluña", "080##"),
            city!("Sevilla", "Andalucía", "410##"),
            city!("Bilbao", "País Vasco", "480##"),
        ],
        streets: &[
            "Calle de Alcalá, {n}",
            "Carrer de Mallorca, {n}",
            "Avenida de la Constitución, {n}",
        ],
        phone: PhonePlan {
            cc: "34",
            prefixes: &["6", "7"],
            rest: 8,
        },
        mail_domains: &["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net"],
        companies: &[
            company!(
                "Construcciones Aceituno S.L.",
                "aceituno.es",
                "Construction"
            ),
            company!(
                "Panadería Núñez S.A.",
                "panaderianunez.es",
                "Food & Beverage"
            ),
        ],
        titles: &[
            "Directora de Marketing",
            "Jefe de Ventas",
            "Ingeniera de Software",
        ],
    },
    Locale {
        tag: "es-MX",
        country: "MX",
        country_name: "Mexico",
        country_local: "México",
        timezone: "America/Mexico_City",
        utc_offset: -360,
        order: NameOrder::GivenFirst,
        weight: 3,
        given_female: &[
            ("Guadalupe", "guadalupe"),
            ("Ximena", "ximena"),
            ("María Fernanda", "mariafernanda"),
        ],
        given_male: &[
            ("Juan Pablo", "juanpablo"),
            ("Santiago", "santiago"),
            ("Cuauhtémoc", "cuauhtemoc"),
        ],
        family_female: &[
            ("Hernández", "hernandez"),
            ("Ramírez Ortiz", "ramirezortiz"),
            ("Peña", "pena"),
            ("Sánchez", "sanchez"),
        ],
        family_male: &[
            ("Hernández", "hernandez"),
            ("Ramírez Ortiz", "ramirezortiz"),
            ("Peña", "pena"),
            ("Sánchez", "sanchez"),
        ],
        cities: &[
            city!("Ciudad de México", "CDMX", "06###"),
            city!("Guadalajara", "Jalisco", "44###"),
            city!("Monterrey", "Nuevo León", "64###"),
        ],
        streets: &["Av. Insurgentes Sur {n}", "Calle Madero {n}"],
        phone: PhonePlan {
            cc: "52",
            prefixes: &["55", "33", "81"],
            rest: 8,
        },
        mail_domains: &["gmail.com", "hotmail.com", "prodigy.net.mx"],
        companies: &[company!(
            "Tacos El Güero S.A. de C.V.",
            "tacoselguero.mx",
            "Food & Beverage"
        )],
        titles: &["Gerente de Operaciones", "Contadora"],
    },
    Locale {
        tag: "pt-BR",
        country: "BR",
        country_name: "Brazil",
        country_local: "Brasil",
        timezone: "America/Sao_Paulo",
        utc_offset: -180,
        order: NameOrder::GivenFirst,
        weight: 5,
        given_female: &[
            ("Conceição", "conceicao"),
            ("Thaís", "thais"),
            ("Ana Luíza", "analuiza"),
            ("Letícia", "leticia"),
        ],
        given_male: &[
            ("João", "joao"),
            ("Luís Otávio", "luisotavio"),
            ("Caio", "caio"),
            ("Thiago", "thiago"),
        ],
        family_female: &[
            ("Silva", "silva"),
            ("Gonçalves", "goncalves"),
            ("Araújo", "araujo"),
            ("Assunção", "assuncao"),
            ("dos Santos", "dossantos"),
        ],
        family_male: &[
            ("Silva", "silva"),
            ("Gonçalves", "goncalves"),
            ("Araújo", "araujo"),
            ("Assunção", "assuncao"),
            ("dos Santos", "dossantos"),
        ],
        cities: &[
            city!("São Paulo", "SP", "01###-###"),
            city!("Rio de Janeiro", "RJ", "20###-###"),
            city!("Belo Horizonte", "MG", "30###-###"),
            city!("Porto Alegre", "RS", "90###-###"),
        ],
        streets: &[
            "Rua Augusta, {n}",
            "Avenida Paulista, {n}",
            "Rua das Laranjeiras, {n}",
        ],
        phone: PhonePlan {
            cc: "55",
            prefixes: &["119", "219", "319", "519"],
            rest: 8,
        },
        mail_domains: &["gmail.com", "uol.com.br", "bol.com.br", "hotmail.com"],
        companies: &[
            company!(
                "Padaria Pão Dourado Ltda.",
                "paodourado.com.br",
                "Food & Beverage"
            ),
            company!("Tecnologia Jaguar Ltda.", "jaguartech.com.br", "Software"),
        ],
        titles: &[
            "Gerente de Vendas",
            "Desenvolvedora de Software",
            "Analista Financeiro",
        ],
    },
    Locale {
        tag: "fr-FR",
        country: "FR",
        country_name: "France",
        country_local: "France",
        timezone: "Europe/Paris",
        utc_offset: 60,
        order: NameOrder::GivenFirst,
        weight: 5,
        given_female: &[
            ("Anaïs", "anais"),
            ("Chloé", "chloe"),
            ("Hélène", "helene"),
            ("Zoë", "zoe"),
            ("Maëlle", "maelle"),
        ],
        given_male: &[
            ("François", "francois"),
            ("Jérôme", "jerome"),
            ("Gaël", "gael"),
            ("Noël", "noel"),
        ],
        family_female: &[
            ("Lefèvre", "lefevre"),
            ("Dubois", "dubois"),
            ("Bénard", "benard"),
            ("de La Fontaine", "delafontaine"),
            ("Lemaître", "lemaitre"),
            ("N'Diaye", "ndiaye"),
        ],
        family_male: &[
            ("Lefèvre", "lefevre"),
            ("Dubois", "dubois"),
            ("Bénard", "benard"),
            ("de La Fontaine", "delafontaine"),
            ("Lemaître", "lemaitre"),
            ("N'Diaye", "ndiaye"),
        ],
        cities: &[
            city!("Paris", "Île-de-France", "750##"),
            city!("Lyon", "Auvergne-Rhône-Alpes", "6900#"),
            city!("Marseille", "Provence-Alpes-Côte d'Azur", "130##"),
            city!("Lille", "Hauts-de-France", "590##"),
        ],
        streets: &[
            "{n} rue de Rivoli",
            "{n} boulevard Haussmann",
            "{n} avenue des Champs-Élysées",
        ],
        phone: PhonePlan {
            cc: "33",
            prefixes: &["6", "7"],
            rest: 8,
        },
        mail_domains: &["orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr"],
        companies: &[
            company!(
                "Fromagerie Lefèvre SARL",
                "fromagerie-lefevre.fr",
                "Food & Beverage"
            ),
            company!(
                "Société Générale des Logiciels",
                "sgl-logiciels.fr",
                "Software"
            ),
        ],
        titles: &[
            "Directrice commerciale",
            "Chef de projet",
            "Responsable marketing",
        ],
    },
    Locale {
        tag: "de-DE",
        country: "DE",
        country_name: "Germany",
        country_local: "Deutschland",
        timezone: "Europe/Berlin",
        utc_offset: 60,
        order: NameOrder::GivenFirst,
        weight: 6,
        given_female: &[
            ("Lena", "lena"),
            ("Bärbel", "baerbel"),
            ("Sophie", "sophie"),
            ("Käthe", "kaethe"),
            ("Anneliese", "anneliese"),
        ],
        given_male: &[
            ("Jürgen", "juergen"),
            ("Jörg", "joerg"),
            ("Maximilian", "maximilian"),
            ("Günther", "guenther"),
            ("Lukas", "lukas"),
        ],
        family_female: &[
            ("Müller", "mueller"),
            ("Schröder", "schroeder"),
            ("Weiß", "weiss"),
            ("Köhler", "koehler"),
            ("von Bülow", "vonbuelow"),
            (
                "Wolfeschlegelsteinhausenbergerdorff",
                "wolfeschlegelsteinhausenbergerdorff",
            ),
        ],
        family_male: &[
            ("Müller", "mueller"),
            ("Schröder", "schroeder"),
            ("Weiß", "weiss"),
            ("Köhler", "koehler"),
            ("von Bülow", "vonbuelow"),
            (
                "Wolfeschlegelsteinhausenbergerdorff",
                "wolfeschlegelsteinhausenbergerdorff",
            ),
        ],
        cities: &[
            city!("Berlin", "Berlin", "10###"),
            city!("München", "Bayern", "80###"),
            city!("Hamburg", "Hamburg", "20###"),
            city!("Köln", "Nordrhein-Westfalen", "50###"),
        ],
        streets: &["Friedrichstraße {n}", "Hauptstraße {n}", "Königsallee {n}"],
        phone: PhonePlan {
            cc: "49",
            prefixes: &["151", "152", "160", "170", "171", "176"],
            rest: 8,
        },
        mail_domains: &["web.de", "gmx.de", "t-online.de", "gmail.com", "posteo.de"],
        companies: &[
            company!("Müller & Söhne GmbH", "mueller-soehne.de", "Manufacturing"),
            company!("Bäckerei Weiß KG", "baeckerei-weiss.de", "Food & Beverage"),
            company!("Kräuter Software AG", "kraeuter-software.de", "Software"),
        ],
        titles: &[
            "Geschäftsführerin",
            "Vertriebsleiter",
            "Softwareentwicklerin",
        ],
    },
    Locale {
        tag: "nl-NL",
        country: "NL",
        country_name: "Netherlands",
        country_local: "Nederland",
        timezone: "Europe/Amsterdam",
        utc_offset: 60,
        order: NameOrder::GivenFirst,
        weight: 5,
        given_female: &[
            ("Sanne", "sanne"),
            ("Femke", "femke"),
            ("Joëlle", "joelle"),
            ("Anouk", "anouk"),
        ],
        given_male: &[
            ("Daan", "daan"),
            ("Sem", "sem"),
            ("Thijs", "thijs"),
            ("IJsbrand", "ijsbrand"),
        ],
        family_female: &[
            ("de Vries", "devries"),
            ("van den Berg", "vandenberg"),
            ("Jansen", "jansen"),
            ("Bakker", "bakker"),
            ("van 't Hek", "vanthek"),
            ("IJzerman", "ijzerman"),
        ],
        family_male: &[
            ("de Vries", "devries"),
            ("van den Berg", "vandenberg"),
            ("Jansen", "jansen"),
            ("Bakker", "bakker"),
            ("van 't Hek", "vanthek"),
            ("IJzerman", "ijzerman"),
        ],
        cities: &[
            city!("Amsterdam", "Noord-Holland", "10## @@"),
            city!("Rotterdam", "Zuid-Holland", "30## @@"),
            city!("Utrecht", "Utrecht", "35## @@"),
            city!("Groningen", "Groningen", "97## @@"),
        ],
        streets: &["Keizersgracht {n}", "Coolsingel {n}", "Oudegracht {n}"],
        phone: PhonePlan {
            cc: "31",
            prefixes: &["6"],
            rest: 8,
        },
        mail_domains: &[
            "ziggo.nl",
            "kpnmail.nl",
            "gmail.com",
            "hotmail.nl",
            "outlook.com",
        ],
        companies: &[
            company!("Initech B.V.", "initech.nl", "Software"),
            company!(
                "Bakkerij De Gouden Krakeling",
                "goudenkrakeling.nl",
                "Food & Beverage"
            ),
        ],
        titles: &["Accountmanager", "Teamleider klantenservice"],
    },
    Locale {
        tag: "da-DK",
        country: "DK",
        country_name: "Denmark",
        country_local: "Danmark",
        timezone: "Europe/Copenhagen",
        utc_offset: 60,
        order: NameOrder::GivenFirst,
        weight: 2,
        given_female: &[("Mette", "mette"), ("Freja", "freja"), ("Astrid", "astrid")],
        given_male: &[("Søren", "soren"), ("Mads", "mads"), ("Rasmus", "rasmus")],
        family_female: &[
            ("Jørgensen", "jorgensen"),
            ("Nielsen", "nielsen"),
            ("Østergaard", "ostergaard"),
            ("Kierkegaard", "kierkegaard"),
        ],
        family_male: &[
            ("Jørgensen", "jorgensen"),
            ("Nielsen", "nielsen"),
            ("Østergaard", "ostergaard"),
            ("Kierkegaard", "kierkegaard"),
        ],
        cities: &[
            city!("København", "Region Hovedstaden", "1###"),
            city!("Aarhus", "Region Midtjylland", "80##"),
            city!("Odense", "Region Syddanmark", "5###"),
        ],
        streets: &["Strøget {n}", "Nørrebrogade {n}"],
        phone: PhonePlan {
            cc: "45",
            prefixes: &["2", "3", "4", "5"],
            rest: 7,
        },
        mail_domains: &["gmail.com", "jubii.dk", "hotmail.dk"],
        companies: &[company!(
            "Østergaard Design ApS",
            "oestergaard.dk",
            "Design"
        )],
        titles: &["Salgschef"],
    },
    Locale {
        tag: "is-IS",
        country: "IS",
        country_name: "Iceland",
        country_local: "Ísland",
        timezone: "Atlantic/Reykjavik",
        utc_offset: 0,
        order: NameOrder::GivenFirst,
        weight: 1,
        given_female: &[
            ("Þóra", "thora"),
            ("Guðrún", "gudrun"),
            ("Sigríður", "sigridur"),
        ],
        given_male: &[("Ægir", "aegir"), ("Jón", "jon"), ("Þórður", "thordur")],
        family_female: IS_FAMILY_F,
        family_male: IS_FAMILY_M,
        cities: &[
            city!("Reykjavík", "Höfuðborgarsvæðið", "10#"),
            city!("Akureyri", "Norðurland eystra", "60#"),
        ],
        streets: &["Laugavegur {n}", "Skólavörðustígur {n}"],
        phone: PhonePlan {
            cc: "354",
            prefixes: &["6", "7", "8"],
            rest: 6,
        },
        mail_domains: &["simnet.is", "gmail.com"],
        companies: &[company!("Hraun ehf.", "hraun.is", "Fisheries")],
        titles: &[],
    },
    Locale {
        tag: "nb-NO",
        country: "NO",
        country_name: "Norway",
        country_local: "Norge",
        timezone: "Europe/Oslo",
        utc_offset: 60,
        order: NameOrder::GivenFirst,
        weight: 2,
        given_female: &[
            ("Åse", "aase"),
            ("Ingrid", "ingrid"),
            ("Solveig", "solveig"),
        ],
        given_male: &[("Håkon", "haakon"), ("Ola", "ola"), ("Bjørn", "bjorn")],
        family_female: &[
            ("Hansen", "hansen"),
            ("Bjørnstad", "bjornstad"),
            ("Kvåle", "kvaale"),
            ("Løvaas", "lovaas"),
        ],
        family_male: &[
            ("Hansen", "hansen"),
            ("Bjørnstad", "bjornstad"),
            ("Kvåle", "kvaale"),
            ("Løvaas", "lovaas"),
        ],
        cities: &[
            city!("Oslo", "Oslo", "0###"),
            city!("Bergen", "Vestland", "50##"),
            city!("Tromsø", "Troms", "90##"),
        ],
        streets: &["Karl Johans gate {n}", "Bryggen {n}"],
        phone: PhonePlan {
            cc: "47",
            prefixes: &["4", "9"],
            rest: 7,
        },
        mail_domains: &["online.no", "gmail.com"],
        companies: &[company!("Fjorddigital AS", "fjorddigital.no", "Energy")],
        titles: &[],
    },
    Locale {
        tag: "sv-SE",
        country: "SE",
        country_name: "Sweden",
        country_local: "Sverige",
        timezone: "Europe/Stockholm",
        utc_offset: 60,
        order: NameOrder::GivenFirst,
        weight: 2,
        given_female: &[("Åsa", "asa"), ("Linnéa", "linnea"), ("Elin", "elin")],
        given_male: &[("Björn", "bjorn"), ("Oskar", "oskar"), ("Göran", "goran")],
        family_female: &[
            ("Andersson", "andersson"),
            ("Öberg", "oberg"),
            ("Lindström", "lindstrom"),
            ("Åkesson", "akesson"),
        ],
        family_male: &[
            ("Andersson", "andersson"),
            ("Öberg", "oberg"),
            ("Lindström", "lindstrom"),
            ("Åkesson", "akesson"),
        ],
        cities: &[
            city!("Stockholm", "Stockholms län", "11# ##"),
            city!("Göteborg", "Västra Götalands län", "41# ##"),
            city!("Malmö", "Skåne län", "21# ##"),
        ],
        streets: &["Drottninggatan {n}", "Kungsgatan {n}"],
        phone: PhonePlan {
            cc: "46",
            prefixes: &["70", "72", "73", "76"],
            rest: 7,
        },
        mail_domains: &["telia.com", "gmail.com", "hotmail.se"],
        companies: &[company!("Fika & Kod AB", "fikakod.se", "Software")],
        titles: &["Projektledare"],
    },
    Locale {
        tag: "fi-FI",
        country: "FI",
        country_name: "Finland",
        country_local: "Suomi",
        timezone: "Europe/Helsinki",
        utc_offset: 120,
        order: NameOrder::GivenFirst,
        weight: 1,
        given_female: &[("Aino", "aino"), ("Päivi", "paivi"), ("Siiri", "siiri")],
        given_male: &[("Väinö", "vaino"), ("Mikko", "mikko"), ("Jyrki", "jyrki")],
        family_female: &[
            ("Virtanen", "virtanen"),
            ("Mäkinen", "makinen"),
            ("Hämäläinen", "hamalainen"),
            ("Korhonen", "korhonen"),
        ],
        family_male: &[
            ("Virtanen", "virtanen"),
            ("Mäkinen", "makinen"),
            ("Hämäläinen", "hamalainen"),
            ("Korhonen", "korhonen"),
        ],
        cities: &[
            city!("Helsinki", "Uusimaa", "00###"),
            city!("Tampere", "Pirkanmaa", "33###"),
            city!("Oulu", "Pohjois-Pohjanmaa", "90###"),
        ],
        streets: &["Mannerheimintie {n}", "Hämeenkatu {n}"],
        phone: PhonePlan {
            cc: "358",
            prefixes: &["40", "44", "50"],
            rest: 7,
        },
        mail_domains: &["gmail.com", "luukku.com"],
        companies: &[company!(
            "Sauna Systems Oy",
            "saunasystems.fi",
            "Manufacturing"
        )],
        titles: &[],
    },
    Locale {
        tag: "pl-PL",
        country: "PL",
        country_name: "Poland",
        country_local: "Polska",
        timezone: "Europe/Warsaw",
        utc_offset: 60,
        order: NameOrder::GivenFirst,
        weight: 3,
        given_female: &[
            ("Małgorzata", "malgorzata"),
            ("Zofia", "zofia"),
            ("Agnieszka", "agnieszka"),
            ("Katarzyna", "katarzyna"),
        ],
        given_male: &[
            ("Łukasz", "lukasz"),
            ("Wojciech", "wojciech"),
            ("Grzegorz", "grzegorz"),
            ("Paweł", "pawel"),
        ],
        family_female: PL_FAMILY_F,
        family_male: PL_FAMILY_M,
        cities: &[
            city!("Warszawa", "mazowieckie", "00-###"),
            city!("Kraków", "małopolskie", "30-###"),
            city!("Gdańsk", "pomorskie", "80-###"),
            city!("Wrocław", "dolnośląskie", "50-###"),
        ],
        streets: &[
            "ul. Marszałkowska {n}",
            "ul. Floriańska {n}",
            "ul. Długa {n}",
        ],
        phone: PhonePlan {
            cc: "48",
            prefixes: &["50", "51", "53", "60", "69", "79"],
            rest: 7,
        },
        mail_domains: &["wp.pl", "onet.pl", "interia.pl", "gmail.com", "o2.pl"],
        companies: &[company!(
            "Przedsiębiorstwo Żuraw Sp. z o.o.",
            "zuraw.pl",
            "Logistics"
        )],
        titles: &["Kierownik sprzedaży", "Programistka"],
    },
    Locale {
        tag: "cs-CZ",
        country: "CZ",
        country_name: "Czechia",
        country_local: "Česko",
        timezone: "Europe/Prague",
        utc_offset: 60,
        order: NameOrder::GivenFirst,
        weight: 1,
        given_female: &[("Kateřina", "katerina"), ("Žaneta", "zaneta")],
        given_male: &[("Jiří", "jiri"), ("Tomáš", "tomas"), ("Přemysl", "premysl")],
        family_female: CZ_FAMILY_F,
        family_male: CZ_FAMILY_M,
        cities: &[
            city!("Praha", "Hlavní město Praha", "1## ##"),
            city!("Brno", "Jihomoravský kraj", "6## ##"),
        ],
        streets: &["Václavské náměstí {n}", "Masarykova {n}"],
        phone: PhonePlan {
            cc: "420",
            prefixes: &["60", "72", "77"],
            rest: 7,
        },
        mail_domains: &["seznam.cz", "centrum.cz", "gmail.com"],
        companies: &[company!(
            "Pivovar Dvořák s.r.o.",
            "pivovar-dvorak.cz",
            "Food & Beverage"
        )],
        titles: &["Obchodní ředitel"],
    },
    Locale {
        tag: "ru-RU",
        country: "RU",
        country_name: "Russia",
        country_local: "Россия",
        timezone: "Europe/Moscow",
        utc_offset: 180,
        order: NameOrder::GivenFirst,
        weight: 4,
        given_female: &[
            ("Ольга", "olga"),
            ("Наталья", "natalya"),
            ("Екатерина", "ekaterina"),
            ("Анастасия", "anastasia"),
        ],
        given_male: &[
            ("Дмитрий", "dmitry"),
            ("Алексей", "alexey"),
            ("Сергей", "sergey"),
            ("Игорь", "igor"),
        ],
        family_female: RU_FAMILY_F,
        family_male: RU_FAMILY_M,
        cities: &[
            city!("Москва", "Москва", "10####"),
            city!("Санкт-Петербург", "Санкт-Петербург", "19####"),
            city!("Новосибирск", "Новосибирская область", "630###"),
            city!("Казань", "Республика Татарстан", "420###"),
        ],
        streets: &["ул. Тверская, д. {n}", "Невский проспект, д. {n}"],
        phone: PhonePlan {
            cc: "7",
            prefixes: &["9"],
            rest: 9,
        },
        mail_domains: &["mail.ru", "yandex.ru", "gmail.com", "rambler.ru", "bk.ru"],
        companies: &[
            company!("ООО «Ромашка»", "romashka.ru", "Retail"),
            company!("АО «Северный ветер»", "severveter.ru", "Logistics"),
        ],
        titles: &[
            "Менеджер по продажам",
            "Главный бухгалтер",
            "Руководитель отдела маркетинга",
        ],
    },
    Locale {
        tag: "uk-UA",
        country: "UA",
        country_name: "Ukraine",
        country_local: "Україна",
        timezone: "Europe/Kyiv",
        utc_offset: 120,
        order: NameOrder::GivenFirst,
        weight: 2,
        given_female: &[("Олена", "olena"), ("Ірина", "iryna"), ("Оксана", "oksana")],
        given_male: &[
            ("Андрій", "andriy"),
            ("Тарас", "taras"),
            ("Богдан", "bohdan"),
        ],
        family_female: &[
            ("Шевченко", "shevchenko"),
            ("Коваленко", "kovalenko"),
            ("Бондаренко", "bondarenko"),
            ("Ткачук", "tkachuk"),
        ],
        family_male: &[
            ("Шевченко", "shevchenko"),
            ("Коваленко", "kovalenko"),
            ("Бондаренко", "bondarenko"),
            ("Ткачук", "tkachuk"),
        ],
        cities: &[
            city!("Київ", "Київ", "0####"),
            city!("Львів", "Львівська область", "79###"),
            city!("Одеса", "Одеська область", "65###"),
        ],
        streets: &["вул. Хрещатик, {n}", "просп. Свободи, {n}"],
        phone: PhonePlan {
            cc: "380",
            prefixes: &["50", "63", "67", "93"],
            rest: 7,
        },
        mail_domains: &["ukr.net", "gmail.com", "i.ua"],
        companies: &[company!("ТОВ «Соняшник»", "sonyashnyk.ua", "Agriculture")],
        titles: &["Менеджерка проєктів"],
    },
    Locale {
        tag: "el-GR",
        country: "GR",
        country_name: "Greece",
        country_local: "Ελλάδα",
        timezone: "Europe/Athens",
        utc_offset: 120,
        order: NameOrder::GivenFirst,
        weight: 2,
        given_female: &[
            ("Ελένη", "eleni"),
            ("Αικατερίνη", "aikaterini"),
            ("Δήμητρα", "dimitra"),
        ],
        given_male: &[
            ("Γιώργος", "giorgos"),
            ("Νίκος", "nikos"),
            ("Κωνσταντίνος", "konstantinos"),
        ],
        family_female: GR_FAMILY_F,
        family_male: GR_FAMILY_M,
        cities: &[
            city!("Αθήνα", "Αττική", "1## ##"),
            city!("Θεσσαλονίκη", "Κεντρική Μακεδονία", "5## ##"),
        ],
        streets: &["Οδός Ερμού {n}", "Λεωφόρος Συγγρού {n}"],
        phone: PhonePlan {
            cc: "30",
            prefixes: &["69"],
            rest: 8,
        },
        mail_domains: &["gmail.com", "otenet.gr", "yahoo.gr"],
        companies: &[company!(
            "Ελαιόλαδο Κρήτης Α.Ε.",
            "cretan-oil.gr",
            "Food & Beverage"
        )],
        titles: &["Διευθύντρια Πωλήσεων"],
    },
    Locale {
        tag: "tr-TR",
        country: "TR",
        country_name: "Turkey",
        country_local: "Türkiye",
        timezone: "Europe/Istanbul",
        utc_offset: 180,
        order: NameOrder::GivenFirst,
        weight: 3,
        given_female: &[
            ("Ayşe", "ayse"),
            ("Çağla", "cagla"),
            ("Zeynep", "zeynep"),
            ("İlkay", "ilkay"),
        ],
        given_male: &[
            ("Mehmet", "mehmet"),
            ("Gökhan", "gokhan"),
            ("Oğuz", "oguz"),
            ("Emre", "emre"),
        ],
        family_female: &[
            ("Yılmaz", "yilmaz"),
            ("Öztürk", "ozturk"),
            ("Şahin", "sahin"),
            ("Çelik", "celik"),
            ("Aydın", "aydin"),
        ],
        family_male: &[
            ("Yılmaz", "yilmaz"),
            ("Öztürk", "ozturk"),
            ("Şahin", "sahin"),
            ("Çelik", "celik"),
            ("Aydın", "aydin"),
        ],
        cities: &[
            city!("İstanbul", "İstanbul", "34###"),
            city!("Ankara", "Ankara", "06###"),
            city!("İzmir", "İzmir", "35###"),
        ],
        streets: &["İstiklal Caddesi No: {n}", "Atatürk Bulvarı No: {n}"],
        phone: PhonePlan {
            cc: "90",
            prefixes: &["53", "54", "55"],
            rest: 8,
        },
        mail_domains: &["gmail.com", "hotmail.com", "yandex.com.tr"],
        companies: &[company!(
            "Öztürk Tekstil A.Ş.",
            "ozturktekstil.com.tr",
            "Textiles"
        )],
        titles: &["Satış Müdürü", "Yazılım Mühendisi"],
    },
    Locale {
        tag: "ar-EG",
        country: "EG",
        country_name: "Egypt",
        country_local: "مصر",
        timezone: "Africa/Cairo",
        utc_offset: 120,
        order: NameOrder::GivenFirst,
        weight: 3,
        given_female: &[("فاطمة", "fatma"), ("نور", "nour"), ("مريم", "mariam")],
        given_male: &[
            ("محمد", "mohamed"),
            ("أحمد", "ahmed"),
            ("عمر", "omar"),
            ("يوسف", "youssef"),
        ],
        family_female: &[
            ("عبد الله", "abdallah"),
            ("حسن", "hassan"),
            ("المصري", "elmasry"),
            ("إبراهيم", "ibrahim"),
        ],
        family_male: &[
            ("عبد الله", "abdallah"),
            ("حسن", "hassan"),
            ("المصري", "elmasry"),
            ("إبراهيم", "ibrahim"),
        ],
        cities: &[
            city!("القاهرة", "محافظة القاهرة", "11###"),
            city!("الإسكندرية", "محافظة الإسكندرية", "21###"),
            city!("الجيزة", "محافظة الجيزة", "12###"),
        ],
        streets: &["شارع التحرير، رقم {n}", "كورنيش النيل، رقم {n}"],
        phone: PhonePlan {
            cc: "20",
            prefixes: &["10", "11", "12", "15"],
            rest: 8,
        },
        mail_domains: &["gmail.com", "yahoo.com", "hotmail.com"],
        companies: &[company!(
            "شركة النيل للتجارة",
            "nile-trading.com.eg",
            "Wholesale"
        )],
        titles: &["مدير المبيعات", "مهندسة برمجيات"],
    },
    Locale {
        tag: "ar-SA",
        country: "SA",
        country_name: "Saudi Arabia",
        country_local: "السعودية",
        timezone: "Asia/Riyadh",
        utc_offset: 180,
        order: NameOrder::GivenFirst,
        weight: 2,
        given_female: &[("سارة", "sara"), ("ريم", "reem"), ("لطيفة", "latifa")],
        given_male: &[
            ("عبدالرحمن", "abdulrahman"),
            ("خالد", "khalid"),
            ("فيصل", "faisal"),
        ],
        family_female: &[
            ("القحطاني", "alqahtani"),
            ("العتيبي", "alotaibi"),
            ("الشمري", "alshammari"),
        ],
        family_male: &[
            ("القحطاني", "alqahtani"),
            ("العتيبي", "alotaibi"),
            ("الشمري", "alshammari"),
        ],
        cities: &[
            city!("الرياض", "منطقة الرياض", "1####"),
            city!("جدة", "منطقة مكة المكرمة", "2####"),
        ],
        streets: &["طريق الملك فهد {n}"],
        phone: PhonePlan {
            cc: "966",
            prefixes: &["50", "53", "55", "56"],
            rest: 7,
        },
        mail_domains: &["gmail.com", "hotmail.com", "outlook.sa"],
        companies: &[company!("مؤسسة الواحة", "alwaha.sa", "Retail")],
        titles: &["مدير تنفيذي"],
    },
    Locale {
        tag: "he-IL",
        country: "IL",
        country_name: "Israel",
        country_local: "ישראל",
        timezone: "Asia/Jerusalem",
        utc_offset: 120,
        order: NameOrder::GivenFirst,
        weight: 1,
        given_female: &[("נועה", "noa"), ("תמר", "tamar"), ("שירה", "shira")],
        given_male: &[("יוסף", "yosef"), ("דוד", "david"), ("איתי", "itai")],
        family_female: &[
            ("כהן", "cohen"),
            ("לוי", "levi"),
            ("מזרחי", "mizrahi"),
            ("פרץ", "peretz"),
        ],
        family_male: &[
            ("כהן", "cohen"),
            ("לוי", "levi"),
            ("מזרחי", "mizrahi"),
            ("פרץ", "peretz"),
        ],
        cities: &[
            city!("תל אביב-יפו", "מחוז תל אביב", "6######"),
            city!("ירושלים", "מחוז ירושלים", "9######"),
            city!("חיפה", "מחוז חיפה", "3######"),
        ],
        streets: &["רחוב דיזנגוף {n}", "שדרות רוטשילד {n}"],
        phone: PhonePlan {
            cc: "972",
            prefixes: &["50", "52", "54", "58"],
            rest: 7,
        },
        mail_domains: &["gmail.com", "walla.co.il"],
        companies: &[company!("הייטק בע״מ", "hitech-ltd.co.il", "Software")],
        titles: &[],
    },
    Locale {
        tag: "en-IN",
        country: "IN",
        country_name: "India",
        country_local: "भारत",
        timezone: "Asia/Kolkata",
        utc_offset: 330,
        order: NameOrder::GivenFirst,
        weight: 5,
        given_female: &[
            ("Priya", "priya"),
            ("Lakshmi", "lakshmi"),
            ("अनन्या", "ananya"),
            ("Aishwarya", "aishwarya"),
        ],
        given_male: &[
            ("Aarav", "aarav"),
            ("Venkatesh", "venkatesh"),
            ("Rohan", "rohan"),
            ("राहुल", "rahul"),
        ],
        family_female: &[
            ("Sharma", "sharma"),
            ("Iyer", "iyer"),
            ("Patel", "patel"),
            ("Venkataraman", "venkataraman"),
            ("Chatterjee", "chatterjee"),
            ("शर्मा", "sharma"),
        ],
        family_male: &[
            ("Sharma", "sharma"),
            ("Iyer", "iyer"),
            ("Patel", "patel"),
            ("Venkataraman", "venkataraman"),
            ("Chatterjee", "chatterjee"),
            ("शर्मा", "sharma"),
        ],
        cities: &[
            city!("Bengaluru", "Karnataka", "560###"),
            city!("Mumbai", "Maharashtra", "400###"),
            city!("New Delhi", "Delhi", "110###"),
            city!("Chennai", "Tamil Nadu", "600###"),
        ],
        streets: &[
            "{n}, MG Road",
            "{n}, Linking Road, Bandra West",
            "{n}, 100 Feet Road, Indiranagar",
        ],
        phone: PhonePlan {
            cc: "91",
            prefixes: &["98", "99", "70", "81", "90"],
            rest: 8,
        },
        mail_domains: &["gmail.com", "rediffmail.com", "yahoo.co.in"],
        companies: &[
            company!(
                "Sundaram Infotech Pvt. Ltd.",
                "sundaraminfotech.in",
                "IT Services"
            ),
            company!(
                "Chai Point Ventures",
                "chaipointventures.in",
                "Food & Beverage"
            ),
        ],
        titles: &[],
    },
    Locale {
        tag: "zh-CN",
        country: "CN",
        country_name: "China",
        country_local: "中国",
        timezone: "Asia/Shanghai",
        utc_offset: 480,
        order: NameOrder::FamilyFirstJoined,
        weight: 5,
        given_female: &[
            ("芳", "fang"),
            ("秀英", "xiuying"),
            ("静", "jing"),
            ("欣怡", "xinyi"),
        ],
        given_male: &[
            ("伟", "wei"),
            ("子轩", "zixuan"),
            ("浩然", "haoran"),
            ("强", "qiang"),
        ],
        family_female: &[
            ("李", "li"),
            ("王", "wang"),
            ("张", "zhang"),
            ("刘", "liu"),
            ("陈", "chen"),
            ("欧阳", "ouyang"),
        ],
        family_male: &[
            ("李", "li"),
            ("王", "wang"),
            ("张", "zhang"),
            ("刘", "liu"),
            ("陈", "chen"),
            ("欧阳", "ouyang"),
        ],
        cities: &[
            city!("北京", "北京市", "100###"),
            city!("上海", "上海市", "200###"),
            city!("深圳", "广东省", "518###"),
            city!("成都", "四川省", "610###"),
        ],
        streets: &[
            "朝阳区建国路{n}号",
            "浦东新区世纪大道{n}号",
            "南山区科技园路{n}号",
        ],
        phone: PhonePlan {
            cc: "86",
            prefixes: &["13", "15", "18"],
            rest: 9,
        },
        mail_domains: &["qq.com", "163.com", "126.com", "sina.com", "gmail.com"],
        companies: &[
            company!("深圳市腾飞科技有限公司", "tengfei-tech.cn", "Electronics"),
            company!("上海云帆信息技术有限公司", "yunfan.com.cn", "Software"),
        ],
        titles: &["产品经理", "销售总监", "软件工程师"],
    },
    Locale {
        tag: "zh-TW",
        country: "TW",
        country_name: "Taiwan",
        country_local: "臺灣",
        timezone: "Asia/Taipei",
        utc_offset: 480,
        order: NameOrder::FamilyFirstJoined,
        weight: 1,
        given_female: &[("怡君", "yijun"), ("雅婷", "yating")],
        given_male: &[("家豪", "chiahao"), ("志明", "chihming")],
        family_female: &[("陳", "chen"), ("林", "lin"), ("黃", "huang")],
        family_male: &[("陳", "chen"), ("林", "lin"), ("黃", "huang")],
        cities: &[
            city!("臺北市", "臺北市", "1##"),
            city!("高雄市", "高雄市", "8##"),
        ],
        streets: &["信義路五段{n}號", "中山路{n}號"],
        phone: PhonePlan {
            cc: "886",
            prefixes: &["9"],
            rest: 8,
        },
        mail_domains: &["gmail.com", "yahoo.com.tw", "hinet.net"],
        companies: &[company!(
            "台灣晶片股份有限公司",
            "twchip.com.tw",
            "Semiconductors"
        )],
        titles: &["業務經理"],
    },
    Locale {
        tag: "ja-JP",
        country: "JP",
        country_name: "Japan",
        country_local: "日本",
        timezone: "Asia/Tokyo",
        utc_offset: 540,
        order: NameOrder::FamilyFirst,
        weight: 4,
        given_female: &[
            ("花子", "hanako"),
            ("さくら", "sakura"),
            ("陽菜", "hina"),
            ("美咲", "misaki"),
        ],
        given_male: &[
            ("太郎", "taro"),
            ("翔太", "shota"),
            ("陽翔", "haruto"),
            ("健", "ken"),
        ],
        family_female: &[
            ("山田", "yamada"),
            ("佐藤", "sato"),
            ("鈴木", "suzuki"),
            ("高橋", "takahashi"),
            ("渡辺", "watanabe"),
        ],
        family_male: &[
            ("山田", "yamada"),
            ("佐藤", "sato"),
            ("鈴木", "suzuki"),
            ("高橋", "takahashi"),
            ("渡辺", "watanabe"),
        ],
        cities: &[
            city!("東京", "東京都", "1##-####"),
            city!("大阪", "大阪府", "5##-####"),
            city!("札幌", "北海道", "06#-####"),
            city!("福岡", "福岡県", "81#-####"),
        ],
        streets: &[
            "中央区銀座{n}丁目4-1",
            "新宿区西新宿{n}丁目8-1",
            "北区梅田{n}-3-1",
        ],
        phone: PhonePlan {
            cc: "81",
            prefixes: &["90", "80", "70"],
            rest: 8,
        },
        mail_domains: &[
            "docomo.ne.jp",
            "yahoo.co.jp",
            "gmail.com",
            "icloud.com",
            "ezweb.ne.jp",
        ],
        companies: &[
            company!("株式会社山田商事", "yamada-shoji.co.jp", "Wholesale"),
            company!("さくらソフトウェア株式会社", "sakura-soft.jp", "Software"),
        ],
        titles: &["営業部長", "ソフトウェアエンジニア", "代表取締役"],
    },
    Locale {
        tag: "ko-KR",
        country: "KR",
        country_name: "South Korea",
        country_local: "대한민국",
        timezone: "Asia/Seoul",
        utc_offset: 540,
        order: NameOrder::FamilyFirstJoined,
        weight: 2,
        given_female: &[("서연", "seoyeon"), ("지민", "jimin"), ("민서", "minseo")],
        given_male: &[("민준", "minjun"), ("도윤", "doyun"), ("현우", "hyunwoo")],
        family_female: &[
            ("김", "kim"),
            ("이", "lee"),
            ("박", "park"),
            ("최", "choi"),
            ("정", "jung"),
        ],
        family_male: &[
            ("김", "kim"),
            ("이", "lee"),
            ("박", "park"),
            ("최", "choi"),
            ("정", "jung"),
        ],
        cities: &[
            city!("서울", "서울특별시", "0####"),
            city!("부산", "부산광역시", "4####"),
        ],
        streets: &["강남대로 {n}", "테헤란로 {n}"],
        phone: PhonePlan {
            cc: "82",
            prefixes: &["10"],
            rest: 8,
        },
        mail_domains: &["naver.com", "daum.net", "gmail.com"],
        companies: &[company!("한빛소프트 주식회사", "hanbitsoft.kr", "Software")],
        titles: &["마케팅 팀장"],
    },
    Locale {
        tag: "vi-VN",
        country: "VN",
        country_name: "Vietnam",
        country_local: "Việt Nam",
        timezone: "Asia/Ho_Chi_Minh",
        utc_offset: 420,
        order: NameOrder::FamilyFirst,
        weight: 2,
        given_female: &[
            ("Thị Lan", "lan"),
            ("Thị Hương", "huong"),
            ("Ngọc Ánh", "ngocanh"),
            ("Minh Châu", "minhchau"),
        ],
        given_male: &[
            ("Văn An", "an"),
            ("Đức Anh", "ducanh"),
            ("Quang Huy", "quanghuy"),
            ("Minh Tuấn", "minhtuan"),
        ],
        family_female: &[
            ("Nguyễn", "nguyen"),
            ("Trần", "tran"),
            ("Lê", "le"),
            ("Phạm", "pham"),
            ("Đặng", "dang"),
        ],
        family_male: &[
            ("Nguyễn", "nguyen"),
            ("Trần", "tran"),
            ("Lê", "le"),
            ("Phạm", "pham"),
            ("Đặng", "dang"),
        ],
        cities: &[
            city!("Hà Nội", "Hà Nội", "100000"),
            city!("TP. Hồ Chí Minh", "Hồ Chí Minh", "700000"),
            city!("Đà Nẵng", "Đà Nẵng", "550000"),
        ],
        streets: &["{n} Phố Huế", "{n} Lê Lợi", "{n} Nguyễn Huệ"],
        phone: PhonePlan {
            cc: "84",
            prefixes: &["90", "91", "98", "93"],
            rest: 7,
        },
        mail_domains: &["gmail.com", "yahoo.com.vn"],
        companies: &[company!(
            "Công ty TNHH Phở Việt",
            "phoviet.vn",
            "Food & Beverage"
        )],
        titles: &["Trưởng phòng kinh doanh"],
    },
    Locale {
        tag: "hu-HU",
        country: "HU",
        country_name: "Hungary",
        country_local: "Magyarország",
        timezone: "Europe/Budapest",
        utc_offset: 60,
        order: NameOrder::FamilyFirst,
        weight: 1,
        given_female: &[("Erzsébet", "erzsebet"), ("Zsófia", "zsofia")],
        given_male: &[("Zoltán", "zoltan"), ("Ádám", "adam"), ("Győző", "gyozo")],
        family_female: &[
            ("Nagy", "nagy"),
            ("Kovács", "kovacs"),
            ("Szőke", "szoke"),
            ("Tóth", "toth"),
        ],
        family_male: &[
            ("Nagy", "nagy"),
            ("Kovács", "kovacs"),
            ("Szőke", "szoke"),
            ("Tóth", "toth"),
        ],
        cities: &[
            city!("Budapest", "Budapest", "1###"),
            city!("Debrecen", "Hajdú-Bihar", "40##"),
        ],
        streets: &["Andrássy út {n}", "Váci utca {n}"],
        phone: PhonePlan {
            cc: "36",
            prefixes: &["20", "30", "70"],
            rest: 7,
        },
        mail_domains: &["freemail.hu", "citromail.hu", "gmail.com"],
        companies: &[company!("Gulyás Kft.", "gulyas.hu", "Hospitality")],
        titles: &["Ügyvezető igazgató"],
    },
    Locale {
        tag: "th-TH",
        country: "TH",
        country_name: "Thailand",
        country_local: "ประเทศไทย",
        timezone: "Asia/Bangkok",
        utc_offset: 420,
        order: NameOrder::GivenFirst,
        weight: 1,
        given_female: &[("สุดารัตน์", "sudarat"), ("กาญจนา", "kanchana")],
        given_male: &[("สมชาย", "somchai"), ("ธนากร", "thanakorn")],
        family_female: &[
            ("ศรีสวัสดิ์", "srisawat"),
            ("วงศ์สวัสดิ์", "wongsawat"),
            ("ชัยประเสริฐ", "chaiprasert"),
        ],
        family_male: &[
            ("ศรีสวัสดิ์", "srisawat"),
            ("วงศ์สวัสดิ์", "wongsawat"),
            ("ชัยประเสริฐ", "chaiprasert"),
        ],
        cities: &[
            city!("กรุงเทพมหานคร", "กรุงเทพมหานคร", "10###"),
            city!("เชียงใหม่", "เชียงใหม่", "50###"),
        ],
        streets: &["ถนนสุขุมวิท {n}", "ถนนนิมมานเหมินท์ {n}"],
        phone: PhonePlan {
            cc: "66",
            prefixes: &["8", "9", "6"],
            rest: 8,
        },
        mail_domains: &["hotmail.com", "gmail.com"],
        companies: &[company!("บริษัท สยามเทค จำกัด", "siamtech.co.th", "Software")],
        titles: &[],
    },
    Locale {
        tag: "en-NG",
        country: "NG",
        country_name: "Nigeria",
        country_local: "Nigeria",
        timezone: "Africa/Lagos",
        utc_offset: 60,
        order: NameOrder::GivenFirst,
        weight: 2,
        given_female: &[
            ("Chiamaka", "chiamaka"),
            ("Ngozi", "ngozi"),
            ("Títílayọ̀", "titilayo"),
        ],
        given_male: &[
            ("Adébáyọ̀", "adebayo"),
            ("Oluwaseun", "oluwaseun"),
            ("Chukwuemeka", "chukwuemeka"),
        ],
        family_female: &[
            ("Okonkwo", "okonkwo"),
            ("Ọlátúnjí", "olatunji"),
            ("Adeyemi", "adeyemi"),
            ("Eze", "eze"),
        ],
        family_male: &[
            ("Okonkwo", "okonkwo"),
            ("Ọlátúnjí", "olatunji"),
            ("Adeyemi", "adeyemi"),
            ("Eze", "eze"),
        ],
        cities: &[
            city!("Lagos", "Lagos State", "1#####"),
            city!("Abuja", "Federal Capital Territory", "9#####"),
        ],
        streets: &[
            "{n} Awolowo Road, Ikoyi",
            "{n} Adeola Odeku Street, Victoria Island",
        ],
        phone: PhonePlan {
            cc: "234",
            prefixes: &["80", "81", "70", "90"],
            rest: 8,
        },
        mail_domains: &["gmail.com", "yahoo.com"],
        companies: &[company!(
            "Eko Fintech Ltd",
            "ekofintech.ng",
            "Financial Services"
        )],
        titles: &[],
    },
    Locale {
        tag: "it-IT",
        country: "IT",
        country_name: "Italy",
        country_local: "Italia",
        timezone: "Europe/Rome",
        utc_offset: 60,
        order: NameOrder::GivenFirst,
        weight: 3,
        given_female: &[
            ("Chiara", "chiara"),
            ("Giulia", "giulia"),
            ("Maria Grazia", "mariagrazia"),
        ],
        given_male: &[
            ("Giuseppe", "giuseppe"),
            ("Niccolò", "niccolo"),
            ("Gianluca", "gianluca"),
        ],
        family_female: &[
            ("Rossi", "rossi"),
            ("D'Angelo", "dangelo"),
            ("Esposito", "esposito"),
            ("Dell'Acqua", "dellacqua"),
            ("Lo Russo", "lorusso"),
        ],
        family_male: &[
            ("Rossi", "rossi"),
            ("D'Angelo", "dangelo"),
            ("Esposito", "esposito"),
            ("Dell'Acqua", "dellacqua"),
            ("Lo Russo", "lorusso"),
        ],
        cities: &[
            city!("Roma", "Lazio", "001##"),
            city!("Milano", "Lombardia", "201##"),
            city!("Napoli", "Campania", "801##"),
        ],
        streets: &[
            "Via del Corso, {n}",
            "Corso Buenos Aires, {n}",
            "Via Toledo, {n}",
        ],
        phone: PhonePlan {
            cc: "39",
            prefixes: &["32", "33", "34", "35", "36", "38"],
            rest: 8,
        },
        mail_domains: &["libero.it", "virgilio.it", "gmail.com", "alice.it"],
        companies: &[
            company!(
                "Pasticceria Dell'Acqua S.r.l.",
                "pasticceriadellacqua.it",
                "Food & Beverage"
            ),
            company!(
                "Rossi Meccanica S.p.A.",
                "rossimeccanica.it",
                "Manufacturing"
            ),
        ],
        titles: &["Responsabile acquisti", "Sviluppatrice software"],
    },
];

/// Companies not tied to a locale.
pub static GLOBAL_COMPANIES: &[Company] = &[
    company!("Globex Corporation", "globex.com", "Energy"),
    company!("Umbrella Health", "umbrella-health.com", "Healthcare"),
    company!("Hooli", "hooli.xyz", "Software"),
    company!("Pied Piper", "piedpiper.com", "Software"),
    company!("Vandelay Industries", "vandelay.com", "Import & Export"),
    company!("Soylent Corp", "soylent.io", "Food & Beverage"),
    company!("Cyberdyne Systems", "cyberdyne.ai", "Robotics"),
    company!("Northwind Traders", "northwindtraders.com", "Wholesale"),
    company!("Contoso Ltd", "contoso.com", "Software"),
    company!("Fabrikam, Inc.", "fabrikam.com", "Manufacturing"),
    company!("Tailspin Toys", "tailspintoys.com", "Retail"),
    company!(
        "Wide World Importers",
        "wideworldimporters.com",
        "Logistics"
    ),
];

/// International consumer mail domains.
pub static GLOBAL_MAIL_DOMAINS: &[&str] = &[
    "gmail.com",
    "outlook.com",
    "icloud.com",
    "proton.me",
    "yahoo.com",
    "hotmail.com",
    "fastmail.com",
];

/// English job titles (all at most 60 characters).
pub static JOB_TITLES: &[&str] = &[
    "Software Engineer",
    "Senior Software Engineer",
    "Head of Growth",
    "Product Manager",
    "VP of Sales",
    "Customer Success Manager",
    "Marketing Director",
    "CTO",
    "Co-founder & CEO",
    "Data Scientist",
    "Office Manager",
    "UX Designer",
    "Account Executive",
    "Operations Lead",
    "Freelance Photographer",
    "Nurse Practitioner",
    "Teacher",
    "Procurement Specialist",
    "Chief Revenue Officer",
    "Head of Customer Support (EMEA)",
];

/// Devices: `(os, browser, browser versions)`.
pub static DEVICES: &[(&str, &str, &[&str])] = &[
    ("macOS", "Chrome", &["124.0.6367.91", "126.0.6478.127"]),
    ("Mac OS X", "Safari", &["17.4.1", "16.6"]),
    ("Windows", "Edge", &["125.0.2535.51", "118.0.2088.76"]),
    (
        "Windows 10",
        "Chrome",
        &["109.0.5414.120", "122.0.6261.112"],
    ),
    ("Windows 11", "Firefox", &["126.0", "115.0.2"]),
    ("iOS", "Mobile Safari", &["17.5", "16.7.8"]),
    ("Android", "Chrome Mobile", &["125.0.6422.113"]),
    ("Android", "Samsung Internet", &["25.0", "24.0"]),
    ("Linux", "Firefox", &["115.12.0esr"]),
    ("Chrome OS", "Chrome", &["124.0.6367.225"]),
    ("Ubuntu", "Chromium", &["123.0.6312.105"]),
];

/// Subscription plans with weights.
pub static PLANS: &[(u32, &str)] = &[
    (30, "free"),
    (25, "starter"),
    (25, "pro"),
    (12, "business"),
    (8, "enterprise"),
];

/// Where a customer heard of the product.
pub static REFERRAL_SOURCES: &[&str] = &[
    "google",
    "linkedin",
    "friend",
    "podcast",
    "conference",
    "partner",
    "newsletter",
    "app-store",
];

/// Tags for list-valued custom attributes.
pub static TAGS: &[&str] = &[
    "beta",
    "newsletter",
    "vip",
    "churn-risk",
    "webinar-2024",
    "trial",
    "partner",
];

/// Free-text notes (Help Scout `background`), all at most 200 characters.
pub static NOTES: &[&str] = &[
    "Met at SaaStr 2023; evaluating the annual plan.",
    "Prefers email over phone. Renewal due in Q3.",
    "Bitte nur auf Deutsch kontaktieren.",
    "Client fidèle depuis 2019 — toujours très aimable.",
    "VIP: escalate tickets to the account manager.",
    "Referred by Ada from the partner program.",
    "日本語での対応を希望。請求書は毎月末に送付。",
    "Предпочитает общение по email.",
    "Interested in SSO and SCIM. Has 3 open tickets about invoices.",
    "Asked to be contacted after 14:00 CET.",
    "يفضل التواصل عبر البريد الإلكتروني.",
    "Leads the procurement team; sign-off needed from legal.",
    "Prefiere WhatsApp. Cliente desde la feria de Valencia.",
];

/// Emoji some people put in their names (some are multi-scalar sequences).
pub static EMOJI: &[&str] = &["🌸", "🚀", "☕", "🎸", "🌻", "👩‍💻", "🏳️‍🌈", "🇳🇱", "✨"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_are_well_formed() {
        for l in LOCALES {
            assert!(l.weight > 0, "{}", l.tag);
            assert_eq!(l.country.len(), 2, "{}", l.tag);
            for list in [l.given_female, l.given_male, l.family_female, l.family_male] {
                assert!(!list.is_empty(), "{}", l.tag);
                for (text, ascii) in list {
                    assert!(!text.is_empty() && text.chars().count() <= 40, "{text}");
                    assert!(
                        !ascii.is_empty() && ascii.bytes().all(|b| b.is_ascii_lowercase()),
                        "{ascii}"
                    );
                }
            }
            assert!(!l.cities.is_empty() && !l.streets.is_empty() && !l.mail_domains.is_empty());
            assert!(l.streets.iter().all(|s| s.contains("{n}")), "{}", l.tag);
            assert!(!l.phone.prefixes.is_empty());
            for p in l.phone.prefixes {
                let digits = l.phone.cc.len() + p.len() + l.phone.rest;
                assert!((7..=15).contains(&digits), "{}", l.tag);
            }
            for c in l.companies.iter().chain(GLOBAL_COMPANIES) {
                assert!(c.name.chars().count() <= 60, "{}", c.name);
                assert!(c.domain.bytes().all(|b| b.is_ascii_lowercase()
                    || b.is_ascii_digit()
                    || b == b'.'
                    || b == b'-'));
            }
            assert!(l.titles.iter().all(|t| t.chars().count() <= 60));
        }
        assert!(JOB_TITLES.iter().all(|t| t.chars().count() <= 60));
        assert!(NOTES.iter().all(|t| t.chars().count() <= 200));
    }
}
