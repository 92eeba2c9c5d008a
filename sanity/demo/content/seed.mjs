// Seed article, reproduced verbatim from the source text (Seetao, 2022-09-26 08:55 Beijing time).
// The trailing "Editor/He Yuting" credit is represented as an editor byline, not body text.

export default {
  id: 'article-one-belt-one-road-central-asia',
  slug: 'one-belt-one-road-creates-opportunities-for-central-asia',
  section: 'world',
  headline: 'One Belt One Road creates opportunities for the development of Central Asia',
  keyPoints: [
    'Both sides are eager to further develop and enrich the connotation of bilateral relations',
    'The mutual trust between Kyrgyzstan and China and the two peoples and the traditional good-neighborly and friendly relations are the solid foundation of the comprehensive strategic partnership',
  ],
  tags: ['belt-and-road', 'central-asia', 'kyrgyzstan', 'china'],
  source: { name: 'Seetao' },
  publishedAt: '2022-09-26T00:55:00Z',
  readingTimeOverride: 11,
  language: 'en',
  bylines: [['he-yuting', 'editor']],
  hero: null,
  body: [
    {
      raw: '"In the past 30 years, Kyrgyzstan and China have gone through an extraordinary journey from establishing diplomatic relations to developing into comprehensive strategic partners." President Sadr Zaparov of Kyrgyzstan accepted China in Bishkek, the capital of Kyrgyzstan. In an interview with the media, they pointed out that Kyrgyzstan-China relations are already at a high level of comprehensive strategic partnership, and cooperation in the fields of politics, economy, people-to-people and cultural engagement is booming, and "we are sharing the results of comprehensive strategic partnership."',
    },
    {
      raw: '"Today, the political mutual trust between the two countries has a solid foundation, the cooperation in the security field has been continuously strengthened, and the exchanges in the fields of economy, trade and people-to-people and cultural engagement have become increasingly close," Zaparov said. The meeting mechanism and other international and regional organizations, forums, and cooperation mechanisms actively interact and support each other.',
    },
    {
      raw: "Zaparov paid close attention to China's development. He said that since its establishment, the Communist Party of China has continued to develop and grow, and has gone through a glorious history of a century. Under the leadership of the Communist Party of China, China has made great achievements in the fields of politics, economy, society, science and technology, achieved its first centenary goal, built a moderately prosperous society in an all-round way, and solved the problem of absolute poverty historically. China's development and prosperity have a huge impact on Kyrgyzstan and other countries.",
    },
    {
      raw: "In Zaparov's view, the reason why China has achieved today's achievements is because the Communist Party of China has always adhered to its original mission of \"seeking happiness for the Chinese people and rejuvenation for the Chinese nation\". Taking the fight against the new crown pneumonia epidemic as an example, he pointed out that the Chinese Communist Party has always put people's lives and health in the first place, and has taken timely and active measures to prevent the spread of the epidemic and develop the economy.",
    },
    {
      raw: 'Zaparov said that in the face of the ever-changing international situation and increasing unstable factors, the joint construction of the Belt and Road will create conditions for promoting regional development. "The initiative is conducive to uniting the participating parties to work together to find systematic solutions to various problems and challenges." Kyrgyzstan was one of the first countries to support the joint construction of the Belt and Road Initiative. "The joint construction of the Belt and Road emphasizes strengthening connectivity and expanding practical cooperation. Kyrgyzstan and Chinese partners are working towards this goal. The relevant results have opened up new ways to expand the common interests of the two countries."',
    },
    {
      raw: 'Zaparov said that in recent years, with the assistance of China, a large number of livelihood projects in Kyrgyzstan have been implemented, involving infrastructure, energy, medical care, education, irrigation and other fields. The joint construction of the Belt and Road will create opportunities for the development of Central Asia and build the region into a transcontinental transportation hub connecting east, west, north and south. "Under the framework of the joint construction of the Belt and Road cooperation, promoting the implementation of the China-Kyrgyzstan-Ukraine railway construction project will become an important measure to fully unleash the potential of regional transit transportation."',
    },
    {
      raw: 'Zaparov is full of confidence in the prospect of future cooperation between Kyrgyzstan and China. He said that at present, Kyrgyzstan\'s national development focuses on green industries and the innovation, digital and creative economy. China has advanced experience in these fields, and Kyrgyzstan is willing to strengthen cooperation with China and promote the implementation of joint projects. In addition, the two sides should fully unleash the potential of investment cooperation in the fields of transportation, trade, tourism, energy, mining, etc.; strengthen direct cooperation between the two regions, establish and consolidate the relationship between sister provinces, states and sister cities, and ensure that the friendship agreement continues to be transformed into two countries. The results of cooperation that the people of the country can see and touch. "I believe that expanding mutually beneficial cooperation in economy, trade and investment among countries and regions along the Belt and Road will help maintain regional stability, promote political dialogue, and achieve sustainable economic development."',
    },
  ],
}
