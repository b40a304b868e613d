// Given names and surnames common in Kenya, across its larger communities (Kikuyu, Luhya, Luo,
// Kalenjin, Kamba, Kisii, Meru, Mijikenda, Swahili coast, Somali) and the English and Arabic
// given names many Kenyans carry. Enough for a realistic mix; combinations repeat, as in life.

// prettier-ignore
export const GIVEN_NAMES = [
  'Achieng', 'Adhiambo', 'Akinyi', 'Atieno', 'Awino', 'Anyango', 'Auma', 'Akoth', 'Nyambura',
  'Wanjiru', 'Wambui', 'Wanjiku', 'Njeri', 'Nyokabi', 'Wairimu', 'Wangari', 'Muthoni', 'Waithera',
  'Nekesa', 'Nafula', 'Naliaka', 'Nasimiyu', 'Khadija', 'Mwanaisha', 'Zawadi', 'Imani', 'Neema',
  'Chebet', 'Chepkoech', 'Jepkosgei', 'Jeptoo', 'Cherono', 'Kerubo', 'Moraa', 'Kwamboka', 'Mueni',
  'Mwikali', 'Ndinda', 'Kanini', 'Kagendo', 'Kawira', 'Makena', 'Nkatha', 'Halima', 'Amina',
  'Fatuma', 'Faith', 'Grace', 'Mercy', 'Esther', 'Joy', 'Purity', 'Caroline', 'Beatrice', 'Lucy',
  'Otieno', 'Odhiambo', 'Ouma', 'Ochieng', 'Omondi', 'Onyango', 'Owino', 'Okoth', 'Kamau', 'Njoroge',
  'Mwangi', 'Kariuki', 'Githinji', 'Maina', 'Waweru', 'Ndungu', 'Wafula', 'Wanyama', 'Barasa',
  'Wekesa', 'Simiyu', 'Kiprop', 'Kipchoge', 'Kiplagat', 'Kibet', 'Cheruiyot', 'Rotich', 'Mutua',
  'Musyoka', 'Kioko', 'Mwendwa', 'Nyamweya', 'Onsongo', 'Mutuma', 'Gitonga', 'Baraka', 'Juma',
  'Hamisi', 'Rashid', 'Abdi', 'Hassan', 'Mohamed', 'Brian', 'Kevin', 'Dennis', 'Collins', 'Victor',
  'John', 'Peter', 'Joseph', 'David', 'Samuel', 'Daniel', 'James', 'Stephen', 'Emmanuel', 'Felix',
];

// prettier-ignore
export const SURNAMES = [
  'Otieno', 'Odhiambo', 'Ouma', 'Ochieng', 'Omondi', 'Onyango', 'Owino', 'Okoth', 'Oduor', 'Okello',
  'Kamau', 'Njoroge', 'Mwangi', 'Kariuki', 'Githinji', 'Maina', 'Waweru', 'Ndungu', 'Kimani',
  'Njuguna', 'Gitau', 'Macharia', 'Karanja', 'Wanjala', 'Wafula', 'Wanyama', 'Barasa', 'Wekesa',
  'Simiyu', 'Makokha', 'Khaemba', 'Kiprop', 'Kiplagat', 'Kibet', 'Cheruiyot', 'Rotich', 'Langat',
  'Koech', 'Kirui', 'Sang', 'Mutua', 'Musyoka', 'Kioko', 'Mwendwa', 'Muthama', 'Nzioka', 'Nyamweya',
  'Onsongo', 'Ombati', 'Momanyi', 'Nyakundi', 'Mutuma', 'Gitonga', 'Kirimi', 'Murithi', 'Kazungu',
  'Charo', 'Baya', 'Katana', 'Mwinyi', 'Juma', 'Salim', 'Abdalla', 'Hassan', 'Mohamed', 'Ali',
  'Abdi', 'Farah', 'Wambua', 'Kilonzo', 'Mbithi', 'Nduta', 'Wanjiru', 'Chege', 'Mugo', 'Mburu',
];
